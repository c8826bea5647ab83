'use strict';
const buf = Buffer.from("hello", "utf8");
console.log(buf.toString("utf8"));
console.log(buf.toString("hex"));
console.log(buf.toString("base64"));
console.log(buf.toString("utf16le").length, buf.toString("binary"), buf.toString("ascii"), buf.toString("base64url"));
