/**
 * The action's raw output as the runner's log view shows it, line by line (`npm run sandbox` streams it): `::debug::`
 * lines hidden (as without debug logging), `::add-mask::` registrations hidden and their values shown as ***, groups
 * as a heading line, annotations with their level and their line breaks restored. A workflow command is a line
 * `::name key=value,…::data`, its name case-insensitive (docs.github.com, "Workflow commands for GitHub Actions"); its
 * data escaped %25, %0D, %0A as @actions/core's escapeData writes it.
 */
export class RunnerLog {
  private partial = '';
  private readonly masks: string[] = [];

  /** The shown text of the complete lines in `chunk` (a line split across chunks waits for its end). */
  push(chunk: string): string {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    return lines.flatMap((l) => this.line(l)).map((l) => `${l}\n`).join('');
  }

  /** Whatever is left once the output has ended. */
  end(): string {
    const rest = this.partial;
    this.partial = '';
    return rest ? this.line(rest).map((l) => `${l}\n`).join('') : '';
  }

  private line(raw: string): string[] {
    const line = raw.replace(/\r$/, '');
    const command = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/i.exec(line);
    if (!command) return [this.masked(line)];
    const data = command[3];
    const name = command[1].toLowerCase();
    switch (name) {
      case 'add-mask':
        if (data) {
          this.masks.push(data);
          this.masks.sort((a, b) => b.length - a.length);
        }
        return [];
      case 'debug':
      case 'endgroup':
      case 'save-state':
        return [];
      case 'group':
        return [this.masked(`▸ ${data}`)];
      case 'warning':
      case 'error':
      case 'notice':
        return this.masked(`${name[0].toUpperCase()}${name.slice(1)}: ${unescapeData(data)}`).split(/\r?\n/);
      default:
        return [this.masked(line)];
    }
  }

  private masked(text: string): string {
    return this.masks.reduce((t, secret) => t.split(secret).join('***'), text);
  }
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
