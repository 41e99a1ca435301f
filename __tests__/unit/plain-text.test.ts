import { commentAsText } from '../../src/render/plain-text';
import { renderReport } from '../../src/render/report';
import { SERVER_URL, VIEW_STATES } from '../../scripts/comment-view/states';

const text = (name: string) => {
  const view = VIEW_STATES.find((v) => v.name === name)!;
  return commentAsText(renderReport(view.state, { serverUrl: SERVER_URL }));
};

describe('commentAsText (the comment as npm run sandbox prints it)', () => {
  it.each(VIEW_STATES.map((v) => [v.name]))('%s: no markup, no marker or state, no escapes', (name) => {
    const t = text(name);
    expect(t).not.toMatch(/<\/?(details|summary|br|sub|b|code)\b|<!--|&#\d+;|&amp;/);
    expect(t).not.toMatch(/\*\*|^#+ |^\s*\|\s*-+/m);
    // Backslash escapes of markdown punctuation are gone (the texts have no backslashes of their own).
    expect(t).not.toMatch(/\\[!-/:-@[-`{-~]/);
    expect(t).not.toContain('\u2060');
  });

  it('keeps each step\'s row with its commit, image and run link, and the links as targets', () => {
    const t = text('redeployed').split('\n');
    expect(t[0]).toBe('🔭 Preview pr-42 · acme/shop · eu-west-1');
    expect(t).toContain('- deploy ✅ succeeded · commit 4f1c2e9 · image shop:4f1c2e9 · 5 min 12 s · 2026-11-25 10:31 UTC · Run logs <https://github.com/acme/shop/actions/runs/9034>');
    expect(t.find((l) => l.startsWith('Open: '))).toBe('Open: Dashboard <https://g-0123456789.grafana-workspace.eu-west-1.amazonaws.com/d/ecs-pr-42/ecs-service-pr-42> · Grafana <https://g-0123456789.grafana-workspace.eu-west-1.amazonaws.com/>');
    expect(t).toContain('▸ deploy: changes');
  });

  it('aligns table columns and keeps a failure\'s quote and fix readable', () => {
    const t = text('failed-permission');
    expect(t).toMatch(/^│ Stack preview-shop-pr-42 failed to create and was deleted\. Root cause: ExecutionRole \(AWS::IAM::Role\) CREATE_FAILED/m);
    expect(t).toMatch(/^Fix: Allow iam:CreateRole on arn:aws:iam::123456789012:role\//m);
    const lines = text('redeployed').split('\n');
    const column = (first: string, word: string) => {
      const line = lines.find((l) => l.startsWith(`  ${first}`))!;
      return [...line.slice(0, line.indexOf(word))].length;
    };
    // The dashboards section is a table: its second column lines up under its header.
    const header = lines.find((l) => l.startsWith('  Dashboard'))!;
    const row = lines[lines.indexOf(header) + 1];
    expect(column('Dashboard', 'Source')).toBe([...row.slice(0, row.lastIndexOf('dashboards/'))].length);
  });

  it('reads code spans, escapes and references as CommonMark does', () => {
    expect(commentAsText('a `` x`y `` b \\*c\\* [l\\_1](https://e.x/p) &#60;t&#62; `\\|`')).toBe('a x`y b *c* l_1 <https://e.x/p> <t> |');
    expect(commentAsText('| A | B |\n| --- | --- |\n| `x\\|y` | 2 |')).toBe('  A    B\n  x|y  2');
    // A terminal escape in untrusted text never reaches the terminal.
    expect(commentAsText('x\u001b[31my')).toBe('x[31my');
  });
});

describe('links whose text is their URL', () => {
  it('prints the URL once, and a named link as text then target', () => {
    const t = commentAsText('Open: [http://203.0.113.7:8080/](http://203.0.113.7:8080/) · [Grafana](https://g.example/)\n');
    expect(t).toBe('Open: <http://203.0.113.7:8080/> · Grafana <https://g.example/>');
  });
});
