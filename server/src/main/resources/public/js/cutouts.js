// Contrast and brightness of the cutout triplet on an object page (CSS filters on the PNG renderings).
(function () {
  'use strict';
  const box = document.getElementById('cutouts');
  const contrast = document.getElementById('contrast');
  const brightness = document.getElementById('brightness');
  if (!box || !contrast || !brightness) { return; }
  function apply() {
    const filter = 'contrast(' + contrast.value + '%) brightness(' + brightness.value + '%)';
    box.querySelectorAll('img').forEach(img => { img.style.filter = filter; });
    document.getElementById('contrast-value').textContent = contrast.value + '%';
    document.getElementById('brightness-value').textContent = brightness.value + '%';
  }
  contrast.addEventListener('input', apply);
  brightness.addEventListener('input', apply);
})();
