// Sky view of an object page: Aladin Lite v3 (shipped in /vendor/aladin-lite/) centred on the object,
// loaded on request, with the ztfclass objects of our cone search (/scs, a VOTable) overlaid and
// coloured by class. Without WebGL2, or without network for the survey tiles, it says so; the table
// of nearby objects on the page stays the text alternative.
const sky = document.getElementById('sky');
const COLOURS = { SN_IA: '#0072B2', SN_II: '#D55E00', OTHER: '#CC79A7', none: '#F0E442' };

function say(text) { document.getElementById('sky-status').textContent = text; }

async function nearby(ra, dec, radius) {
  const r = await fetch('/scs?RA=' + ra + '&DEC=' + dec + '&SR=' + radius);
  const xml = new DOMParser().parseFromString(await r.text(), 'application/xml');
  const names = [...xml.getElementsByTagName('FIELD')].map(f => f.getAttribute('name'));
  const col = n => names.indexOf(n);
  return [...xml.getElementsByTagName('TR')].map(tr => {
    const td = [...tr.getElementsByTagName('TD')].map(t => t.textContent);
    const cls = td[col('label_class')] || td[col('predicted_class')] || 'none';
    return { id: td[col('objectId')], ra: Number(td[col('ra')]), dec: Number(td[col('dec')]), cls: COLOURS[cls] ? cls : 'none' };
  });
}

async function show() {
  const ra = Number(sky.dataset.ra);
  const dec = Number(sky.dataset.dec);
  const view = document.getElementById('sky-view');
  document.getElementById('sky-show').disabled = true;
  say('Loading Aladin Lite…');
  try {
    const A = (await import('/vendor/aladin-lite/aladin.js')).default;
    await A.init;
    view.hidden = false;
    const aladin = A.aladin(view, { target: ra + ' ' + dec, fov: 0.1, survey: 'P/PanSTARRS/DR1/color-z-zg-g',
      showReticle: true, showCooGrid: false });
    const objects = await nearby(ra, dec, sky.dataset.radius);
    for (const cls of Object.keys(COLOURS)) {
      const mine = objects.filter(o => o.cls === cls);
      if (!mine.length) { continue; }
      const cat = A.catalog({ name: 'ztfclass ' + cls, color: COLOURS[cls], sourceSize: 14 });
      aladin.addCatalog(cat);
      cat.addSources(mine.map(o => A.source(o.ra, o.dec, { name: o.id })));
    }
    say('Sky view: ' + objects.length + ' ztfclass objects marked (SN Ia blue, SN II orange, other pink, unlabelled yellow). '
      + 'Survey images need a network connection to the HiPS servers.');
  } catch (e) {
    view.hidden = true;
    say('The sky view is not available here (' + e + '): Aladin Lite needs WebGL2. The table below lists the nearby objects.');
  }
}

if (sky) {
  document.getElementById('sky-show').addEventListener('click', show);
}
