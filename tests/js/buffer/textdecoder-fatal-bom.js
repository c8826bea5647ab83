'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const fatal = new TextDecoder('utf-8', { fatal: true });
t('fatal ok', () => fatal.decode(Buffer.from('ok€')));
t('fatal bad', () => fatal.decode(Buffer.from([0xff])));
t('fatal trunc', () => fatal.decode(Buffer.from([0xe2, 0x82])));
t('fatal after', () => fatal.decode(Buffer.from('fine')));
t('fatal stream', () => { const d = new TextDecoder('utf-8', { fatal: true }); return [JSON.stringify(d.decode(Buffer.from([0xe2, 0x82]), { stream: true })), d.decode(Buffer.from([0xac]))]; });
t('fatal stream end', () => { const d = new TextDecoder('utf-8', { fatal: true }); d.decode(Buffer.from([0xe2]), { stream: true }); return d.decode(); });
t('fatal utf16 odd', () => new TextDecoder('utf-16le', { fatal: true }).decode(Buffer.from([0x61])));
t('fatal utf16 lone', () => new TextDecoder('utf-16le', { fatal: true }).decode(Buffer.from([0x00, 0xd8])));
t('bom', () => JSON.stringify(new TextDecoder().decode(Buffer.from('efbbbf41', 'hex'))));
t('bom twice', () => JSON.stringify(new TextDecoder().decode(Buffer.from('efbbbfefbbbf41', 'hex'))));
t('bom ignored', () => JSON.stringify(new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.from('efbbbf41', 'hex'))));
t('bom not first', () => JSON.stringify(new TextDecoder().decode(Buffer.from('41efbbbf', 'hex'))));
t('bom utf16le', () => JSON.stringify(new TextDecoder('utf-16le').decode(Buffer.from('fffe4100', 'hex'))));
t('bom utf16be', () => JSON.stringify(new TextDecoder('utf-16be').decode(Buffer.from('feff0041', 'hex'))));
t('bom per call', () => { const d = new TextDecoder(); return [d.decode(Buffer.from('efbbbf61', 'hex')), d.decode(Buffer.from('efbbbf62', 'hex'))].map((s) => s.length); });
t('bom stream', () => { const d = new TextDecoder(); return [d.decode(Buffer.from('efbb', 'hex'), { stream: true }), d.decode(Buffer.from('bf61', 'hex'), { stream: true }), d.decode(Buffer.from('efbbbf', 'hex'))].map((s) => s.length); });
t('windows-1252 no bom strip', () => new TextDecoder('latin1').decode(Buffer.from('efbbbf', 'hex')).length);
