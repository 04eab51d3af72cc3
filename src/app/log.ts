/**
 * Structured logs: one JSON object per line, with the time, the level, the message and the
 * fields given (every line of a delivery's work carries its `delivery` id). Our own because it
 * is ten lines; a log shipper reads the lines as they are.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export function createLogger(
  write: (line: string) => void,
  level: LogLevel = 'info',
  base: Record<string, unknown> = {},
): Logger {
  const at =
    (lineLevel: LogLevel) =>
    (message: string, fields: Record<string, unknown> = {}): void => {
      if (RANK[lineLevel] < RANK[level]) return;
      write(
        `${JSON.stringify({ time: new Date().toISOString(), level: lineLevel, msg: message, ...base, ...fields })}\n`,
      );
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export function logLevelFrom(value: string | undefined): LogLevel {
  return value === 'debug' || value === 'warn' || value === 'error' ? value : 'info';
}
