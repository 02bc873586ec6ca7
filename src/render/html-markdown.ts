import { Marked, Renderer, type Tokens } from "marked";

/**
 * GitHub-flavoured Markdown (tables, task lists, autolinks, strikethrough) to HTML through `marked`,
 * with the task-list classes github.com writes. The HTML is not safe yet: raw HTML in the Markdown
 * passes through, for `sanitizeHtml` to judge.
 */
export function markdownToHtml(markdown: string): string {
  // The renderer goes in the parse options: `new Marked({ renderer })` would copy only its own fields.
  return new Marked().parse(markdown, {
    async: false,
    gfm: true,
    breaks: false,
    renderer: new TaskListRenderer(),
  });
}

class TaskListRenderer extends Renderer {
  override list(token: Tokens.List): string {
    const html = super.list(token);
    return token.items.some((item) => item.task)
      ? html.replace(/^<(ul|ol)/, '<$1 class="contains-task-list"')
      : html;
  }

  override listitem(item: Tokens.ListItem): string {
    const html = super.listitem(item);
    return item.task ? html.replace(/^<li>/, '<li class="task-list-item">') : html;
  }

  override checkbox({ checked }: Tokens.Checkbox): string {
    return `<input type="checkbox" class="task-list-item-checkbox" disabled${checked ? " checked" : ""}> `;
  }
}
