// Timers scheduled from ticks and promise jobs keep their relative order.
process.nextTick(() => setTimeout(() => console.log('timer from tick (200)'), 200));
Promise.resolve().then(() => setTimeout(() => console.log('timer from promise (100)'), 100));
setTimeout(() => console.log('timer from main (300)'), 300);
