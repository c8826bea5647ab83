// Timers scheduled from ticks and promise jobs keep their relative order.
process.nextTick(() => setTimeout(() => console.log('timer from tick (20)'), 20));
Promise.resolve().then(() => setTimeout(() => console.log('timer from promise (10)'), 10));
setTimeout(() => console.log('timer from main (30)'), 30);
