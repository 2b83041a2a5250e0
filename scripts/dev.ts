// `npm run dev -- <args>`: the CLI straight from the TypeScript sources, through tsx.
import { main } from '../src/cli.js';

process.exitCode = await main(process.argv.slice(2));
