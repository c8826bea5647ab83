import Anon from './fixtures/default-class.mjs';
import Named from './fixtures/default-named-class.mjs';
class Sub extends Named {}
console.log(new Sub() instanceof Named, Sub.who(), Object.getPrototypeOf(Sub) === Named, typeof Anon);
