# Large writes to a pipe.  Waiting for the write callback (or 'finish')
# before exiting delivers every byte in Node; nodec's stdio writes are
# synchronous, so it delivers them even on an immediate process.exit()
# (where Node may drop what is past the pipe's buffer: only the first
# 64 KiB are compared for that case).
"$NODE" -e "process.stdout.write('x'.repeat(1 << 20), () => process.exit(3))" | wc -c | tr -d ' '
"$NODE" -e "process.stdout.end(Buffer.alloc(3 << 20, 'y'))" | wc -c | tr -d ' '
"$NODE" -e "process.stdout.write('z'.repeat(1 << 20)); process.stdout.on('drain', () => process.exit())" | wc -c | tr -d ' '
"$NODE" -e "for (let i = 0; i < 1000; i++) console.log('line', i); process.exit()" | tail -n 1
n=$("$NODE" -e "process.stdout.write('x'.repeat(1 << 20)); process.exit(0)" | wc -c)
[ "$n" -ge 65536 ] && echo "immediate exit: at least 64 KiB arrive"
n=$("$NODE" -e "process.on('exit', () => process.stdout.write('w'.repeat(1 << 20)))" | wc -c)
[ "$n" -ge 65536 ] && echo "write in 'exit': at least 64 KiB arrive"
