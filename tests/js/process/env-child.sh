# Variables from the environment are visible; changes are seen by the
# process itself.
NODEC_T_FROM_SHELL='hello world' "$NODE" -e '
console.log(process.env.NODEC_T_FROM_SHELL);
process.env.NODEC_T_FROM_SHELL = "changed";
console.log(process.env.NODEC_T_FROM_SHELL);
console.log(process.env.HOME === undefined ? "no HOME" : "has HOME");'
env -i PATH=/usr/bin:/bin ONLY=1 "$NODE" -e 'console.log(Object.keys(process.env).sort())'
