// Form decoding byte by byte: valid and invalid UTF-8 after
// percent-decoding (overlong, surrogates, truncated, out of range), '+'
// and bad escapes, as URLSearchParams and url.searchParams read them.
const seqs = ['%41', '%C3%A9', '%E4%B8%AD', '%F0%9F%98%80', '%C3', '%C3%28', '%E4%B8', '%F0%9F%98', '%80', '%BF', '%C0%AF',
  '%E0%80%AF', '%ED%A0%80', '%ED%BF%BF', '%F4%90%80%80', '%F5%80%80%80', '%FE', '%FF', '%EF%BB%BF', '%EF%BB%BFa', '%zz', '%',
  '%%', '%4', '%4g', '+', '%2B', '%20', 'a+b%2Bc', '%00', '%0A', '\u00e9', '%C3%A9%', '%E2%82%AC%E2%82', '%F0%90%8D%88x',
  '%C2%80%DF%BF%E0%A0%80%EF%BF%BF', '%F8%88%80%80%80', '%E0%A0'];
for (const s of seqs) {
  const v = new URLSearchParams(`k=${s}`).get('k');
  const codes = [...v].map((c) => c.codePointAt(0).toString(16)).join(',');
  const viaUrl = new URL(`http://h/?k=${s}`).searchParams.get('k') === v;
  console.log(JSON.stringify(s), codes, viaUrl);
}
