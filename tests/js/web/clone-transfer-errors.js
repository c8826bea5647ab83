// structuredClone: errors from the options and the transfer list.
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) {
    console.log(label, e.name, e.code, e.message, e instanceof DOMException);
  }
};
t('options number', () => structuredClone(1, 5));
t('options string', () => structuredClone(1, 'x'));
t('options null', () => structuredClone(1, null));
t('options undefined', () => structuredClone(1, undefined));
t('transfer number', () => structuredClone(1, { transfer: 5 }));
t('transfer object', () => structuredClone(1, { transfer: {} }));
t('transfer null', () => structuredClone(1, { transfer: null }));
t('transfer non-buffer', () => structuredClone(1, { transfer: [5] }));
t('transfer view', () => structuredClone(1, { transfer: [new Uint8Array(1)] }));
const ab = new ArrayBuffer(8);
t('duplicate', () => structuredClone(ab, { transfer: [ab, ab] }));
console.log('after duplicate error', ab.byteLength);
const gone = new ArrayBuffer(8);
structuredClone(gone, { transfer: [gone] });
t('detached value', () => structuredClone(gone));
t('detached in list', () => structuredClone(1, { transfer: [gone] }));
