#!/usr/bin/env node
// Checked-in entry so that the bin link exists before `npm run build` writes dist/.
require('../dist/main.js').main();
