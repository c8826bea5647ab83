import self, { default2 } from './fixtures/more/default-ref.mjs';
import asDefault, { value } from './fixtures/more/default-as.mjs';
import { default as viaName } from './fixtures/more/default-as.mjs';
console.log(self() === self, self.name, default2, asDefault, value, viaName);
