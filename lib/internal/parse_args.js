'use strict';
// util.parseArgs: command-line parsing with Node 20's rules and messages.
//
// Parsing happens in two passes, as the `tokens` option exposes: the
// arguments are first split into option / positional / option-terminator
// tokens (expanding short option groups such as `-abc`), then the tokens are
// checked against the configuration (strict mode) and stored into `values`.

const { codes } = require('internal/errors');
const {
  ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_PARSE_ARGS_INVALID_OPTION_VALUE,
  ERR_PARSE_ARGS_UNKNOWN_OPTION, ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL,
} = codes;

const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

function getMainArgs() {
  // process.argv is [execPath, script, ...args]; with -e/-p there is no
  // script entry.
  const argv = process.argv;
  const execArgv = process.execArgv || [];
  if (execArgv.some((a) => a === '-e' || a === '--eval' || a === '-p' || a === '--print' ||
      a.startsWith('--eval=') || a.startsWith('--print='))) {
    return argv.slice(1);
  }
  return argv.slice(2);
}

function optionGet(options, name, key) {
  return hasOwn(options, name) ? options[name][key] : undefined;
}

// The long name of the option whose `short` is `short`, or `short` itself.
function findLongOptionForShort(short, options) {
  for (const name of Object.keys(options)) {
    if (options[name].short === short) return name;
  }
  return short;
}

function isLoneShortOption(arg) {
  return arg.length === 2 && arg[0] === '-' && arg[1] !== '-';
}
function isLoneLongOption(arg) {
  return arg.length > 2 && arg.startsWith('--') && !arg.includes('=', 3);
}
function isLongOptionAndValue(arg) {
  return arg.length > 2 && arg.startsWith('--') && arg.includes('=', 3);
}
function isOptionValue(value) {
  return value != null;
}
function isOptionLikeValue(value) {
  return value != null && value.length > 1 && value[0] === '-';
}
// `-abc` where `a` is not a string option: a group of short flags.
function isShortOptionGroup(arg, options) {
  if (arg.length <= 2 || arg[0] !== '-' || arg[1] === '-') return false;
  const long = findLongOptionForShort(arg[1], options);
  return optionGet(options, long, 'type') !== 'string';
}
// `-fVALUE` where `f` is a string option.
function isShortOptionAndValue(arg, options) {
  if (arg.length <= 2 || arg[0] !== '-' || arg[1] === '-') return false;
  const long = findLongOptionForShort(arg[1], options);
  return optionGet(options, long, 'type') === 'string';
}

function argumentTokens(args, options) {
  const tokens = [];
  let index = -1;
  let groupCount = 0;
  const remaining = args.slice();
  while (remaining.length > 0) {
    const arg = remaining.shift();
    const nextArg = remaining[0];
    if (groupCount > 0) groupCount--;
    else index++;

    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (const a of remaining) tokens.push({ kind: 'positional', index: ++index, value: a });
      break;
    }
    if (isLoneShortOption(arg)) {
      const short = arg[1];
      const name = findLongOptionForShort(short, options);
      let value;
      let inlineValue;
      if (optionGet(options, name, 'type') === 'string' && isOptionValue(nextArg)) {
        value = remaining.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
      if (value != null) ++index;
      continue;
    }
    if (isShortOptionGroup(arg, options)) {
      const expanded = [];
      for (let i = 1; i < arg.length; i++) {
        const short = arg[i];
        const name = findLongOptionForShort(short, options);
        if (optionGet(options, name, 'type') !== 'string' || i === arg.length - 1) {
          expanded.push(`-${short}`);
        } else {
          // The rest of the group is this string option's value.
          expanded.push(`-${short}${arg.slice(i + 1)}`);
          break;
        }
      }
      remaining.unshift(...expanded);
      groupCount = expanded.length;
      continue;
    }
    if (isShortOptionAndValue(arg, options)) {
      const short = arg[1];
      const name = findLongOptionForShort(short, options);
      tokens.push({ kind: 'option', name, rawName: `-${short}`, index, value: arg.slice(2), inlineValue: true });
      continue;
    }
    if (isLoneLongOption(arg)) {
      const name = arg.slice(2);
      let value;
      let inlineValue;
      if (optionGet(options, name, 'type') === 'string' && isOptionValue(nextArg)) {
        value = remaining.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
      if (value != null) ++index;
      continue;
    }
    if (isLongOptionAndValue(arg)) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq);
      tokens.push({ kind: 'option', name, rawName: `--${name}`, index, value: arg.slice(eq + 1), inlineValue: true });
      continue;
    }
    tokens.push({ kind: 'positional', index, value: arg });
  }
  return tokens;
}

function parseArgs(config = { __proto__: null }) {
  const args = config.args !== undefined ? config.args : getMainArgs();
  const strict = config.strict !== undefined ? config.strict : true;
  const allowPositionals = config.allowPositionals !== undefined ? config.allowPositionals : !strict;
  const returnTokens = config.tokens !== undefined ? config.tokens : false;
  const allowNegative = config.allowNegative !== undefined ? config.allowNegative : false;
  const options = config.options !== undefined ? config.options : { __proto__: null };

  if (!Array.isArray(args)) throw new ERR_INVALID_ARG_TYPE('args', 'Array', args);
  for (const [name, key] of [['strict', strict], ['allowPositionals', allowPositionals],
    ['tokens', returnTokens], ['allowNegative', allowNegative]]) {
    if (typeof key !== 'boolean') throw new ERR_INVALID_ARG_TYPE(name, 'boolean', key);
  }
  if (options === null || typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  for (const longOption of Object.keys(options)) {
    const optionConfig = options[longOption];
    if (optionConfig === null || typeof optionConfig !== 'object') {
      throw new ERR_INVALID_ARG_TYPE(`options.${longOption}`, 'Object', optionConfig);
    }
    const type = optionConfig.type;
    if (type !== 'string' && type !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE(`options.${longOption}.type`, "('string|boolean')", type);
    }
    if (hasOwn(optionConfig, 'short')) {
      const short = optionConfig.short;
      if (typeof short !== 'string') throw new ERR_INVALID_ARG_TYPE(`options.${longOption}.short`, 'string', short);
      if (short.length !== 1) {
        throw new ERR_INVALID_ARG_VALUE(`options.${longOption}.short`, short, 'must be a single character');
      }
    }
    if (hasOwn(optionConfig, 'multiple') && typeof optionConfig.multiple !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE(`options.${longOption}.multiple`, 'boolean', optionConfig.multiple);
    }
    if (hasOwn(optionConfig, 'default')) {
      const def = optionConfig.default;
      if (optionConfig.multiple === true) {
        if (!Array.isArray(def)) throw new ERR_INVALID_ARG_TYPE(`options.${longOption}.default`, 'Array', def);
        def.forEach((d, i) => {
          if (typeof d !== type) throw new ERR_INVALID_ARG_TYPE(`options.${longOption}.default[${i}]`, type, d);
        });
      } else if (typeof def !== type) {
        throw new ERR_INVALID_ARG_TYPE(`options.${longOption}.default`, type, def);
      }
    }
  }

  const tokens = argumentTokens(args, options);
  const result = { values: { __proto__: null }, positionals: [] };
  if (returnTokens) result.tokens = tokens;

  for (const token of tokens) {
    if (token.kind === 'option') {
      if (strict) checkOptionToken(token, options, allowPositionals, allowNegative);
      storeOption(token, options, result.values, allowNegative);
    } else if (token.kind === 'positional') {
      if (!allowPositionals) throw new ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value);
      result.positionals.push(token.value);
    }
  }

  // Defaults for options that did not appear.
  for (const longOption of Object.keys(options)) {
    const def = options[longOption].default;
    if (def !== undefined && result.values[longOption] === undefined) {
      result.values[longOption] = def;
    }
  }
  return result;
}

function shortAndLong(name, options) {
  const short = optionGet(options, name, 'short');
  return short ? `-${short}, --${name}` : `--${name}`;
}

function checkOptionToken(token, options, allowPositionals, allowNegative) {
  let name = token.name;
  if (allowNegative && name.startsWith('no-') && optionGet(options, name.slice(3), 'type') === 'boolean') {
    name = name.slice(3);
    if (token.value !== undefined) {
      throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong(name, options)}' does not take an argument`);
    }
    return;
  }
  if (!hasOwn(options, name)) {
    throw new ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName, allowPositionals);
  }
  const type = options[name].type;
  if (type === 'string' && typeof token.value !== 'string') {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong(name, options)} <value>' argument missing`);
  }
  if (type === 'string' && !token.inlineValue && isOptionLikeValue(token.value)) {
    const example = token.rawName.startsWith('--') ?
      `'--${name}=-XYZ'` : `'--${name}=-XYZ' or '${token.rawName}-XYZ'`;
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
      `Option '${token.rawName}' argument is ambiguous.\n` +
      `Did you forget to specify the option argument for '${token.rawName}'?\n` +
      `To specify an option argument starting with a dash use ${example}.`);
  }
  if (type === 'boolean' && token.value !== undefined) {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong(name, options)}' does not take an argument`);
  }
}

function storeOption(token, options, values, allowNegative) {
  let name = token.name;
  let value = token.value;
  if (name === '__proto__') return;
  // --no-foo sets foo to false (any name, when not strict).
  if (allowNegative && name.startsWith('no-') && value === undefined) {
    name = name.slice(3);
    value = false;
  }
  // A flag without a value stores true.
  const newValue = value === undefined ? true : value;
  if (optionGet(options, name, 'multiple')) {
    if (values[name] === undefined) values[name] = [newValue];
    else values[name].push(newValue);
  } else {
    values[name] = newValue;
  }
}

module.exports = { parseArgs };
