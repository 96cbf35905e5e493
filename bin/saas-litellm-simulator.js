#!/usr/bin/env node
// The published command runs the built CLI (`npm run simulator` runs the TypeScript source instead).
import "../dist/cli.js";
