// Small behaviours without inline scripts (the Content-Security-Policy allows only scripts from this site).
document.addEventListener('DOMContentLoaded', () => {
  // htmx requests carry the CSRF token from the page's meta tags.
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    document.body.addEventListener('htmx:configRequest', (e) => {
      e.detail.headers[header.content] = token.content;
    });
  }
  // Forms and buttons with data-confirm ask before they act.
  document.body.addEventListener('submit', (e) => {
    const message = e.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      e.preventDefault();
    }
  });
});
