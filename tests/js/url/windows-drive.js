// Windows drive letters in file: URLs: normalization of '|', drives kept
// when '..' would climb past them, drives in relative references, and
// drive-like segments in other schemes, which mean nothing.
const { showAll } = require('./fixtures/show');
showAll(['file:///C:/', 'file:///C|/', 'file:///c:', 'file:///C|', 'file://C:/', 'file:C:/x', 'file:/C:/../x',
  'file:///C:/a/../../x', 'file:///C:/./x', 'file:///CC:/x', 'file:///C:x', 'file:///1:/x', 'file:///C%3A/x', 'file:///C%7C/x',
  'file:///C:/x/../C:/y', 'file://localhost/C:/x', 'file:///D:/a/..', 'file:////C:/x', 'file:\\\\\\C:\\x', 'http://h/C:/../x',
  'http://h/C|/x', 'sc:/C:/../x']);
showAll(['/x', '..', '../..', 'D:', '/D:/x', 'D|x', '//h/x', '\\x', 'x'], 'file:///C:/a/b');
showAll(['/x', '..', 'D:'], 'file:///C|');
