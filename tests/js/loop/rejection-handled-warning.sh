# Without a 'rejectionHandled' listener a late catch prints Node's
# warning (stderr); stdout shows the order.
"$NODE" -e '
process.on("unhandledRejection", () => console.log("unhandled"));
const p = Promise.reject(new Error("late"));
setTimeout(() => { p.catch(() => console.log("caught late")); }, 5);
setTimeout(() => console.log("done"), 20);' 2>/dev/null
"$NODE" -e '
process.on("unhandledRejection", () => {});
const p = Promise.reject(1);
setTimeout(() => p.catch(() => {}), 5);' 2>&1 | grep -o "PromiseRejectionHandledWarning: Promise rejection was handled asynchronously (rejection id: 1)"
