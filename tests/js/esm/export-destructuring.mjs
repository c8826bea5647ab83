import { objA, objB, objRest, arrA, arrC, arrRest } from './fixtures/forms.mjs';
console.log(objA, objB, objRest, arrA, arrC, arrRest);
