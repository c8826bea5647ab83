export const { p, q: [r, s = 1], ...t } = obj, u = 2
export let v
export function f() { return await_ }
export async function* g() {}
export class K extends Base {}
export default async function () { await x; }
const y = await import.meta.resolve('./x.js');
