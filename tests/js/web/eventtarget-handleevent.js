// EventTarget: object listeners with handleEvent.
const et = new EventTarget();
const obj = {
  handleEvent(e) { console.log('handleEvent', this === obj, e.type); },
};
et.addEventListener('h', obj);
et.addEventListener('h', obj);  // duplicate
et.dispatchEvent(new Event('h'));
const late = {};
et.addEventListener('late', late);
late.handleEvent = function (e) { console.log('looked up at dispatch', this === late, e.type); };
et.dispatchEvent(new Event('late'));
const none = {};
et.addEventListener('none', none);
console.log('no handleEvent', et.dispatchEvent(new Event('none')));
const swapped = { handleEvent() { console.log('first version'); } };
et.addEventListener('swap', swapped);
et.dispatchEvent(new Event('swap'));
swapped.handleEvent = () => console.log('second version');
et.dispatchEvent(new Event('swap'));
et.removeEventListener('swap', swapped);
et.dispatchEvent(new Event('swap'));
const fnWithHandle = Object.assign(() => console.log('function wins'), {
  handleEvent() { console.log('not called'); },
});
et.addEventListener('f', fnWithHandle);
et.dispatchEvent(new Event('f'));
