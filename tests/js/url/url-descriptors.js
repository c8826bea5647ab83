// Property descriptors of URL.prototype and URLSearchParams.prototype:
// which are accessors, which have setters, the functions' names and lengths.
for (const [name, proto] of [['URL', URL.prototype], ['URLSearchParams', URLSearchParams.prototype]]) {
  for (const key of Object.getOwnPropertyNames(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, key);
    const kind = 'value' in d ? `value:${typeof d.value}:${d.value.length}` : `get${d.set ? '/set' : ''}`;
    console.log(name, key, kind, d.enumerable, d.configurable, 'writable' in d ? d.writable : '-');
  }
}
for (const key of Object.getOwnPropertyNames(URL)) {
  const d = Object.getOwnPropertyDescriptor(URL, key);
  console.log('URL.', key, typeof d.value, d.enumerable, d.writable);
}
console.log(URL.canParse.length, URL.parse.length, URLSearchParams.prototype.forEach.length, URLSearchParams.prototype.has.length, URLSearchParams.prototype.delete.length);
