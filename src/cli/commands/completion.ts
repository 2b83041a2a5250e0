// `backplan completion bash|zsh|fish`: a completion script made from the commander tree itself, so
// that every command, option and choice it offers is the program's own, now and after any change.
import type { Command, Option } from 'commander';
import { EXIT } from '../../errors.js';
import type { Io } from '../io.js';
import { createProgram } from '../program.js';

interface OptionSpec {
  names: string[];
  description: string;
  /** Takes a value: its choices, or null for free text or a path. */
  value: string[] | null | false;
}

interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** Choices of the first argument (export <format>, completion <shell>), or the subcommands' names. */
  args: string[];
  subcommands: CommandSpec[];
}

export function runCompletion(io: Io, shell: 'bash' | 'zsh' | 'fish'): number {
  const tree = specOf(createProgram(io));
  io.stdout({ bash, zsh, fish }[shell](tree));
  return EXIT.ok;
}

function optionSpec(option: Option): OptionSpec {
  const takes = option.required || option.optional;
  return {
    names: [option.short, option.long].filter((n): n is string => Boolean(n)),
    description: option.description,
    value: takes ? (option.argChoices ?? null) : false,
  };
}

function specOf(command: Command): CommandSpec {
  const subcommands = command.commands.map(specOf);
  const help: OptionSpec = { names: ['-h', '--help'], description: 'show help and exit', value: false };
  return {
    name: command.name(),
    description: command.description(),
    options: [...command.options.map(optionSpec), help],
    args: subcommands.length > 0 ? subcommands.map((c) => c.name) : (command.registeredArguments[0]?.argChoices ?? []),
    subcommands,
  };
}

const longNames = (options: OptionSpec[]) => options.flatMap((o) => o.names).join(' ');

function bash(tree: CommandSpec): string {
  const cases = tree.subcommands.map((cmd) => {
    const lines = [`    ${cmd.name})`, `      words="${longNames(cmd.options)}"`];
    for (const sub of cmd.subcommands)
      lines.push(`      [[ $sub == ${sub.name} ]] && words="${longNames(sub.options)}"`);
    if (cmd.args.length > 0) lines.push(`      [[ -z $sub && $cur != -* ]] && words="${cmd.args.join(' ')}"`);
    lines.push(
      '      case $prev in',
      valueCases([...cmd.options, ...cmd.subcommands.flatMap((s) => s.options)]),
      '      esac',
      '      ;;',
    );
    return lines.join('\n');
  });
  return `# backplan completion for bash, made from backplan's own commands.
# Load it with: source <(backplan completion bash)
_backplan() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} cmd="" sub="" words i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case \${COMP_WORDS[i]} in
      -*) ;;
      *)
        if [[ -z $cmd ]]; then cmd=\${COMP_WORDS[i]}
        elif [[ -z $sub && \${COMP_WORDS[i-1]} != -* ]]; then sub=\${COMP_WORDS[i]}
        fi ;;
    esac
  done
  case $cmd in
    "")
      words="${tree.subcommands.map((c) => c.name).join(' ')} ${longNames(tree.options)}"
      ;;
${cases.join('\n')}
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _backplan backplan
`;
}

/** `--format) COMPREPLY=(…); return ;;` for each option that takes a value. */
function valueCases(options: OptionSpec[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const option of options) {
    if (option.value === false) continue;
    const names = option.names.filter((n) => !seen.has(n));
    if (names.length === 0) continue;
    names.forEach((n) => seen.add(n));
    const reply = option.value
      ? `COMPREPLY=($(compgen -W "${option.value.join(' ')}" -- "$cur"))`
      : 'COMPREPLY=($(compgen -f -- "$cur"))';
    lines.push(`        ${names.join('|')}) ${reply}; return ;;`);
  }
  return lines.join('\n');
}

/** Text inside a zsh _arguments spec: its brackets and colons escaped, inside single quotes. */
const zshText = (text: string) => text.replace(/([[\]:\\])/g, '\\$1').replace(/'/g, "'\\''");

function zshOptions(options: OptionSpec[]): string {
  return options
    .map((o) => {
      const spec = `[${zshText(o.description)}]${o.value === false ? '' : o.value ? `:value:(${o.value.join(' ')})` : ':value:_files'}`;
      // '(-o --output)'{-o,--output}'[…]': either spelling, offered once.
      return o.names.length > 1 ? `'(${o.names.join(' ')})'{${o.names.join(',')}}'${spec}'` : `'${o.names[0]}${spec}'`;
    })
    .join(' \\\n        ');
}

function zsh(tree: CommandSpec): string {
  const commands = tree.subcommands.map((c) => `    '${c.name}:${zshText(c.description)}'`).join('\n');
  const cases = tree.subcommands.map((cmd) => {
    const arg =
      cmd.args.length > 0
        ? ` \\\n        '1:${cmd.subcommands.length > 0 ? 'command' : 'value'}:(${cmd.args.join(' ')})'`
        : '';
    const rest = cmd.subcommands.length > 0 ? ` \\\n        '*::arg:->rest'` : '';
    return `    ${cmd.name})\n      _arguments -s \\\n        ${zshOptions(cmd.options)}${arg}${rest}\n      ;;`;
  });
  return `#compdef backplan
# backplan completion for zsh, made from backplan's own commands.
# Load it with: source <(backplan completion zsh)   (or save it as _backplan on your $fpath)
_backplan() {
  local -a commands
  commands=(
${commands}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  local cmd=\${words[2]}
  shift words
  (( CURRENT-- ))
  case $cmd in
${cases.join('\n')}
  esac
}
if [[ $funcstack[1] == _backplan ]]; then _backplan "$@"; else compdef _backplan backplan; fi
`;
}

const fishText = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fish(tree: CommandSpec): string {
  const lines = [
    "# backplan completion for fish, made from backplan's own commands.",
    '# Save it as ~/.config/fish/completions/backplan.fish',
    'complete -c backplan -f',
  ];
  const names = tree.subcommands.map((c) => c.name).join(' ');
  for (const cmd of tree.subcommands)
    lines.push(
      `complete -c backplan -n 'not __fish_seen_subcommand_from ${names}' -a ${cmd.name} -d ${fishText(cmd.description)}`,
    );
  const optionLine = (condition: string, o: OptionSpec) => {
    const flags = o.names.map((n) => (n.startsWith('--') ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`)).join(' ');
    const value = o.value === false ? '' : o.value ? ` -x -a ${fishText(o.value.join(' '))}` : ' -r -F';
    return `complete -c backplan -n ${fishText(condition)} ${flags}${value} -d ${fishText(o.description)}`;
  };
  for (const o of tree.options) lines.push(optionLine(`not __fish_seen_subcommand_from ${names}`, o));
  for (const cmd of tree.subcommands) {
    const seen = `__fish_seen_subcommand_from ${cmd.name}`;
    for (const o of cmd.options) lines.push(optionLine(seen, o));
    if (cmd.args.length > 0) lines.push(`complete -c backplan -n ${fishText(seen)} -a ${fishText(cmd.args.join(' '))}`);
    for (const sub of cmd.subcommands) {
      for (const o of sub.options) lines.push(optionLine(`${seen}; and __fish_seen_subcommand_from ${sub.name}`, o));
    }
  }
  return `${lines.join('\n')}\n`;
}
