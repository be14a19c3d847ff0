import { attributes, escapeHtml as e } from '../programmeReport/html';
import type { SopVersions } from './sopVersions';

const valueText = (value: unknown): string => (value === undefined ? '—' : JSON.stringify(value));

/** The SOP library in force (id, version, SHA-256), the versions the PACS's objects name, and what changed from one version to the next. */
export function sopVersionsHtml(sops: SopVersions): string {
  const library = sops.library.length === 0
    ? '<p class="warning">The library holds no valid SOP.</p>'
    : `<table class="sop-library"><thead><tr><th>SOP</th><th>Version</th><th>SHA-256 (canonical JSON)</th><th>File</th><th>Objects naming it</th></tr></thead><tbody>${sops.library.map((sop) => `<tr${attributes({ 'data-sop': `${sop.id}@${sop.version}` })}><td>${e(sop.id)}</td><td>${e(sop.version)}</td><td class="hash">${e(sop.sha256)}</td><td>${e(sop.file)}</td><td>${sop.objects}</td></tr>`).join('')}</tbody></table>`;
  const invalid = sops.invalid.length === 0 ? '' : `<p class="warning">Not used, not a valid SOP: ${e(sops.invalid.map((entry) => `${entry.file} (${entry.reason})`).join('; '))}</p>`;
  const named = sops.named.length === 0
    ? '<p class="muted">No object of the PACS names a SOP.</p>'
    : `<table class="sop-named"><thead><tr><th>Named by the objects</th><th>Objects</th><th>In the library</th></tr></thead><tbody>${sops.named.map((sop) => `<tr><td>${e(`${sop.id}@${sop.version}+${sop.hash}`)}</td><td>${sop.objects}</td><td>${sop.inLibrary ? 'yes' : '<span class="warning">no: this version (or this text of it) is not in the library</span>'}</td></tr>`).join('')}</tbody></table>`;
  const changes = sops.changes.map((change) => `<h3>${e(`${change.id}: ${change.from} → ${change.to}`)}</h3>${change.fields.length === 0
    ? '<p class="muted">No field changed.</p>'
    : `<table class="sop-changes"><thead><tr><th>Field</th><th>Change</th><th>Before</th><th>After</th></tr></thead><tbody>${change.fields.map((field) => `<tr><td>${e(field.path)}</td><td>${field.change}</td><td>${e(valueText(field.before))}</td><td>${e(valueText(field.after))}</td></tr>`).join('')}</tbody></table>`}`).join('');
  return `<p class="muted">Library: ${e(sops.dir)}</p>${library}${invalid}${named}`
    + (sops.changes.length === 0 ? '<p class="muted">The library holds one version of each SOP: no changes between versions to show.</p>' : changes);
}
