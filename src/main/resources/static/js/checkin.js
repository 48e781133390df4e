// The check-in page: reads the shift's QR code from the camera (jsQR, vendored), adds the location when the student
// agrees and a random id this browser keeps, and sends the form. No inline script (CSP script-src 'self').
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('checkin-form');
  if (!form) {
    return;
  }
  const code = document.getElementById('checkin-code');
  const locate = document.getElementById('checkin-locate');
  const start = document.getElementById('checkin-camera');
  const video = document.getElementById('checkin-video');
  const box = document.getElementById('checkin-video-box');
  const status = document.getElementById('checkin-camera-status');
  let sending = false;
  let stream = null;

  try {
    let id = window.localStorage.getItem('workstudy.checkin.device');
    if (!id) {
      const bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
      window.localStorage.setItem('workstudy.checkin.device', id);
    }
    document.getElementById('checkin-device').value = id;
  } catch (e) {
    // no storage (private mode): the device is simply not recorded
  }

  function send() {
    if (sending) {
      return;
    }
    sending = true;
    if (locate.checked && navigator.geolocation) {
      navigator.geolocation.getCurrentPosition((p) => {
        document.getElementById('checkin-latitude').value = p.coords.latitude.toFixed(6);
        document.getElementById('checkin-longitude').value = p.coords.longitude.toFixed(6);
        form.submit();
      }, () => form.submit(), { timeout: 5000, maximumAge: 60000, enableHighAccuracy: true });
    } else {
      form.submit();
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (code.value.trim()) {
      send();
    }
  });

  // a QR code holds a link to this page with ?code=...; a bare token is accepted too
  function tokenOf(text) {
    try {
      return new URL(text).searchParams.get('code');
    } catch (e) {
      return /^\d+\.\d+\.[A-Za-z0-9_-]+$/.test(text) ? text : null;
    }
  }

  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });

  function stop() {
    if (stream) {
      stream.getTracks().forEach((t) => t.stop());
    }
  }

  function tick() {
    if (sending) {
      return;
    }
    if (video.readyState === video.HAVE_ENOUGH_DATA && video.videoWidth > 0) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const found = window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
      const token = found && found.data ? tokenOf(found.data) : null;
      if (token) {
        code.value = token;
        status.textContent = start.dataset.found;
        stop();
        send();
        return;
      }
    }
    window.setTimeout(tick, 150);
  }

  start.addEventListener('click', async () => {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.jsQR) {
      status.textContent = start.dataset.unsupported;
      return;
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      video.srcObject = stream;
      box.hidden = false;
      await video.play();
      status.textContent = start.dataset.scanning;
      tick();
    } catch (e) {
      status.textContent = start.dataset.denied;
    }
  });
});
