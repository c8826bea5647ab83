'use strict';
// Renders the box-drawn table console.table prints: a header row, a rule,
// then one row per index; cells left-aligned in columns sized to the
// widest cell (measured in terminal columns).

const { getStringWidth } = require('internal/inspect');

const chars = {
  middleMiddle: '─',
  rowMiddle: '┼',
  topRight: '┐',
  topLeft: '┌',
  leftMiddle: '├',
  topMiddle: '┬',
  bottomRight: '┘',
  bottomLeft: '└',
  bottomMiddle: '┴',
  rightMiddle: '┤',
  left: '│ ',
  right: ' │',
  middle: ' │ ',
};

function renderRow(row, widths) {
  const cells = [];
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    const spare = widths[i] - getStringWidth(cell);
    cells.push(cell + ' '.repeat(spare));
  }
  return chars.left + cells.join(chars.middle) + chars.right;
}

// head: column titles; columns: one (possibly sparse) array of cell
// strings per column.
function table(head, columns) {
  const widths = head.map((h) => getStringWidth(h));
  const rowCount = Math.max(...columns.map((c) => c.length));
  const rows = [];
  for (let i = 0; i < head.length; i++) {
    const column = columns[i];
    for (let j = 0; j < rowCount; j++) {
      if (rows[j] === undefined) rows[j] = [];
      const value = Object.prototype.hasOwnProperty.call(column, j) ? column[j] : '';
      rows[j][i] = value;
      widths[i] = Math.max(widths[i] || 0, getStringWidth(value));
    }
  }
  const rule = widths.map((w) => chars.middleMiddle.repeat(w + 2));
  let out = `${chars.topLeft}${rule.join(chars.topMiddle)}${chars.topRight}\n`;
  out += `${renderRow(head, widths)}\n`;
  out += `${chars.leftMiddle}${rule.join(chars.rowMiddle)}${chars.rightMiddle}\n`;
  for (const row of rows) out += `${renderRow(row, widths)}\n`;
  out += `${chars.bottomLeft}${rule.join(chars.bottomMiddle)}${chars.bottomRight}`;
  return out;
}

module.exports = table;
