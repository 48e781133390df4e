// The register's print button (no inline scripts: the Content-Security-Policy allows only scripts from this site).
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-print]').forEach((button) => {
    button.addEventListener('click', () => window.print());
  });
});
