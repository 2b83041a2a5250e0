// A renderer Style backed by chalk, at the colour level design.md convention 7 gives the stream.
// chalk is loaded only when there is colour to draw: piped output, the common case in scripts,
// starts faster without it.
import { PLAIN, type Style } from '../export/style.js';
import { colorLevel, type Io } from './io.js';

export async function styleFor(io: Io, stream: 'stdout' | 'stderr', colorFlag: boolean | undefined): Promise<Style> {
  const level = colorLevel(io, stream, colorFlag !== false);
  if (level === 0) return PLAIN;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level });
  return { bold: c.bold, dim: c.dim, red: c.red, yellow: c.yellow, green: c.green, cyan: c.cyan };
}
