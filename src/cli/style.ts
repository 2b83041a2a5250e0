// A renderer Style backed by chalk, at the colour level design.md convention 7 gives the stream.
import { Chalk } from 'chalk';
import { PLAIN, type Style } from '../export/style.js';
import { colorLevel, type Io } from './io.js';

export function styleFor(io: Io, stream: 'stdout' | 'stderr', colorFlag: boolean | undefined): Style {
  const level = colorLevel(io, stream, colorFlag !== false);
  if (level === 0) return PLAIN;
  const c = new Chalk({ level });
  return { bold: c.bold, dim: c.dim, red: c.red, yellow: c.yellow, green: c.green, cyan: c.cyan };
}
