// The print button of printable pages (no inline scripts: the Content-Security-Policy allows only this site's files).
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-print]').forEach((b) => b.addEventListener('click', () => window.print()));
});
