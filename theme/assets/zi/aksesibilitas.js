/* Laman ZI — keyboard fixes for Material's header and the "Aksesibilitas" toolbar.
 *
 * Everything here is an enhancement: the HTML marks these controls `hidden`, so with
 * JavaScript off the page shows none of them and stays fully readable. Choices are kept
 * in localStorage ("zi-aksesibilitas") and applied by window.ziTerapkanAkses, which
 * main.html defines in <head> so that a page never flashes in the default style.
 */
(function () {
  "use strict";

  var KUNCI = "zi-aksesibilitas";
  var SKALA = window.ziSkalaTeks; // defined with ziTerapkanAkses in main.html
  var BAWAAN = 1;

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function terlihat(el) { return !!(el && el.getClientRects().length) && getComputedStyle(el).visibility !== "hidden"; }

  /* ---------- Saved choices ---------- */

  function baca() {
    try { return JSON.parse(localStorage.getItem(KUNCI) || "{}") || {}; } catch (e) { return {}; }
  }
  function simpan(p) {
    try { localStorage.setItem(KUNCI, JSON.stringify(p)); } catch (e) { /* private mode: still applies to this page */ }
    window.ziTerapkanAkses(p);
  }

  /* ---------- Drawer (mobile navigation) ---------- */

  function siapkanMenu() {
    var tombol = $(".zi-tombol-menu"), laci = $("#__drawer"), sisi = $(".md-sidebar--primary");
    if (!tombol || !laci || !sisi) return;
    sisi.id = sisi.id || "zi-navigasi";
    tombol.setAttribute("aria-controls", sisi.id);
    tombol.hidden = false;

    function sinkron() { tombol.setAttribute("aria-expanded", String(laci.checked)); }
    function atur(buka) {
      if (laci.checked !== buka) { laci.checked = buka; laci.dispatchEvent(new Event("change")); }
      sinkron();
    }
    laci.addEventListener("change", sinkron);
    tombol.addEventListener("click", function () {
      atur(!laci.checked);
      if (laci.checked) {
        var pertama = $$("a[href], label[tabindex], button", sisi).filter(terlihat)[0];
        if (pertama) pertama.focus();
      }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && laci.checked) { atur(false); tombol.focus(); }
    });
    // Tabbing out of the open drawer closes it, so focus never sits behind the overlay.
    sisi.addEventListener("focusout", function (e) {
      if (laci.checked && e.relatedTarget && !sisi.contains(e.relatedTarget) && e.relatedTarget !== tombol) atur(false);
    });
  }

  /* ---------- Search: Pagefind, loaded the first time the dialog opens ---------- */

  // https://pagefind.app/docs/api/ : pagefind.js is an ES module; search() returns result stubs whose
  // data() fetches one page's fragment, so only the shown results cost a request each: five at a time
  // (tests/benchmarks/indeks_cari.py TAMPIL), the next five on request. noWorker: search runs in the page,
  // which saves a second copy of the code (pagefind-worker.js) on a slow connection.
  var CARI_TAMPIL = 5;

  function siapkanCari() {
    var tombol = $(".zi-tombol-cari"), dialog = $("#zi-cari");
    if (!tombol || !dialog || typeof dialog.showModal !== "function") return; // stays hidden: no dead control
    var masukan = $(".zi-cari__masukan", dialog), status = $(".zi-cari__status", dialog);
    var daftar = $(".zi-cari__hasil", dialog), lagi = $(".zi-cari__lagi", dialog);
    var pagefind = null, giliran = 0, tunda = null, sisa = [], kueri = "", jumlah = 0;

    function muat() {
      if (!pagefind) {
        var akar = (dialog.getAttribute("data-zi-akar") || ".").replace(/\/$/, "");
        var alamat = new URL(akar + "/pagefind/pagefind.js", location.href).href;
        pagefind = import(alamat).then(function (pf) {
          return Promise.resolve(pf.options({ excerptLength: 24, noWorker: true })).then(function () { return pf; });
        });
        pagefind.catch(function () { pagefind = null; });
      }
      return pagefind;
    }

    function tulis(teks) { status.textContent = teks; }

    function tautan(url, judul, cuplikan, kelas) {
      var li = document.createElement("li"), a = document.createElement("a");
      li.className = kelas;
      a.href = url;
      a.textContent = judul;
      li.appendChild(a);
      if (cuplikan) {
        var p = document.createElement("p");
        p.className = "zi-cari__cuplikan";
        p.innerHTML = cuplikan; // Pagefind's excerpt: the page's own text, escaped, with <mark> around hits
        li.appendChild(p);
      }
      return li;
    }

    function laporkan() {
      var tampil = daftar.children.length, kata = "\u201c" + kueri + "\u201d";
      if (!jumlah) tulis("Tidak ada halaman yang memuat " + kata + ".");
      else if (jumlah > tampil) tulis(jumlah + " halaman ditemukan untuk " + kata + "; " + tampil + " ditampilkan.");
      else tulis(jumlah + " halaman ditemukan untuk " + kata + ".");
      lagi.hidden = !sisa.length;
    }

    // Fetch and show the next CARI_TAMPIL results; resolves to the first new link (or null).
    function tampilkan(nomor) {
      var bagianIni = sisa.slice(0, CARI_TAMPIL);
      sisa = sisa.slice(CARI_TAMPIL);
      return Promise.all(bagianIni.map(function (r) { return r.data(); })).then(function (data) {
        if (nomor !== giliran) return null;
        var pertama = null;
        data.forEach(function (d) {
          var li = tautan(d.url, (d.meta && d.meta.title) || d.url, d.excerpt, "zi-cari__halaman");
          var bagian = (d.sub_results || []).filter(function (s) { return s.url !== d.url; }).slice(0, 3);
          if (bagian.length) {
            var ul = document.createElement("ul");
            bagian.forEach(function (s) { ul.appendChild(tautan(s.url, s.title, "", "zi-cari__bagian")); });
            li.appendChild(ul);
          }
          daftar.appendChild(li);
          pertama = pertama || li.firstChild;
        });
        laporkan();
        return pertama;
      });
    }

    function gagal(nomor) {
      if (nomor === giliran) tulis("Pencarian tidak dapat dimuat. Coba lagi, atau buka menu navigasi.");
    }

    function cari() {
      var q = masukan.value.trim(), nomor = ++giliran;
      if (!q) { daftar.textContent = ""; sisa = []; lagi.hidden = true; tulis(""); return; }
      tulis("Mencari\u2026");
      muat().then(function (pf) { return pf.search(q); }).then(function (hasil) {
        if (nomor !== giliran) return null;
        daftar.textContent = "";
        sisa = hasil.results; kueri = q; jumlah = sisa.length;
        return tampilkan(nomor);
      }).catch(function () { gagal(nomor); });
    }

    function buka() {
      if (!dialog.open) dialog.showModal();
      masukan.focus();
      muat();
    }

    tombol.hidden = false;
    tombol.addEventListener("click", buka);
    $(".zi-cari__tutup", dialog).addEventListener("click", function () { dialog.close(); });
    lagi.addEventListener("click", function () {
      var nomor = giliran;
      tampilkan(nomor).then(function (a) { if (a) a.focus(); }).catch(function () { gagal(nomor); });
    });
    dialog.addEventListener("close", function () { tombol.focus(); });
    // Escape closes at once, also from a filled field (where the browser would first only clear it).
    dialog.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { e.preventDefault(); dialog.close(); }
    });
    $(".zi-cari__form", dialog).addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(tunda); cari(); });
    masukan.addEventListener("input", function () { clearTimeout(tunda); tunda = setTimeout(cari, 250); });
    // "/" opens search from anywhere but a field (the shortcut Material's own search had).
    document.addEventListener("keydown", function (e) {
      var t = e.target;
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || dialog.open) return;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      e.preventDefault();
      buka();
    });
  }

  /* ---------- Colour scheme toggle ---------- */

  function siapkanPalet() {
    $$(".zi-palet__tombol").forEach(function (tombol) {
      tombol.hidden = false;
      tombol.addEventListener("click", function () {
        var radio = document.getElementById(tombol.getAttribute("data-zi-palet"));
        if (!radio) return;
        radio.click();
        // The pressed button is now hidden; focus the one that took its place.
        var berikut = $$(".zi-palet__tombol").filter(terlihat)[0];
        if (berikut) berikut.focus();
      });
    });
  }

  /* ---------- Read aloud (the browser's own speech synthesis) ---------- */

  var BLOK = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, caption, tr, figcaption, blockquote";

  function teksHalaman() {
    var isi = $(".md-content__inner") || $("main") || document.body;
    return $$(BLOK, isi)
      .filter(function (el) { return !el.parentElement.closest(BLOK) && terlihat(el); })
      .map(function (el) {
        var salin = el.cloneNode(true);
        $$(".headerlink, [aria-hidden=true]", salin).forEach(function (x) { x.remove(); });
        if (el.tagName === "TR") return $$("th, td", salin).map(function (c) { return c.textContent.trim(); }).filter(Boolean).join(", ");
        return salin.textContent.replace(/\s+/g, " ").trim();
      })
      .filter(Boolean);
  }

  function siapkanBaca(panel) {
    var mulai = $("[data-zi-baca]", panel), henti = $("[data-zi-henti]", panel), status = $("[data-zi-baca-status]", panel);
    var suara = window.speechSynthesis;
    if (!suara || typeof window.SpeechSynthesisUtterance !== "function") {
      $("[data-zi-baca-grup]", panel).hidden = true;
      status.textContent = "Peramban ini tidak dapat membacakan halaman.";
      return;
    }
    function selesai() { mulai.disabled = false; henti.disabled = true; }
    mulai.addEventListener("click", function () {
      suara.cancel();
      var pilihan = suara.getVoices().filter(function (v) { return /^id([-_]|$)/i.test(v.lang); })[0];
      var bagian = teksHalaman();
      if (!bagian.length) return;
      bagian.forEach(function (teks, i) {
        // One utterance per block: Chromium stops long utterances part-way.
        var u = new SpeechSynthesisUtterance(teks);
        u.lang = "id-ID";
        if (pilihan) u.voice = pilihan;
        if (i === bagian.length - 1) { u.onend = selesai; u.onerror = selesai; }
        suara.speak(u);
      });
      mulai.disabled = true; henti.disabled = false;
      status.textContent = pilihan ? "Membacakan halaman." : "Membacakan halaman (peramban ini tidak punya suara berbahasa Indonesia).";
      henti.focus();
    });
    henti.addEventListener("click", function () {
      suara.cancel(); selesai();
      status.textContent = "Pembacaan dihentikan.";
      mulai.focus();
    });
    window.addEventListener("pagehide", function () { suara.cancel(); });
  }

  /* ---------- The toolbar ---------- */

  function tampilkan(panel, p) {
    var t = typeof p.teks === "number" ? p.teks : BAWAAN;
    $("[data-zi-teks-nilai]", panel).textContent = Math.round(SKALA[t] * 100) + " %";
    $("[data-zi-teks='-1']", panel).disabled = t <= 0;
    $("[data-zi-teks='1']", panel).disabled = t >= SKALA.length - 1;
    $$("[data-zi-opsi]", panel).forEach(function (b) {
      b.setAttribute("aria-pressed", String(!!p[b.getAttribute("data-zi-opsi")]));
    });
  }

  function siapkanAkses() {
    var akar = $("[data-zi-akses]");
    if (!akar) return;
    var buka = $(".zi-akses__buka", akar), panel = $(".zi-akses__panel", akar);
    akar.hidden = false;

    function atur(terbuka, kembalikanFokus) {
      panel.hidden = !terbuka;
      buka.setAttribute("aria-expanded", String(terbuka));
      if (terbuka) { var pertama = $("button:not(:disabled)", panel); if (pertama) pertama.focus(); }
      else if (kembalikanFokus) buka.focus();
    }
    buka.addEventListener("click", function () { atur(panel.hidden, false); });
    $("[data-zi-tutup]", panel).addEventListener("click", function () { atur(false, true); });
    panel.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { e.stopPropagation(); atur(false, true); }
    });
    document.addEventListener("click", function (e) {
      if (!panel.hidden && !akar.contains(e.target)) atur(false, false);
    });

    var p = baca();
    tampilkan(panel, p);
    $$("[data-zi-teks]", panel).forEach(function (b) {
      b.addEventListener("click", function () {
        var t = typeof p.teks === "number" ? p.teks : BAWAAN;
        p.teks = Math.max(0, Math.min(SKALA.length - 1, t + Number(b.getAttribute("data-zi-teks"))));
        simpan(p); tampilkan(panel, p);
        if (b.disabled) $("[data-zi-teks]:not(:disabled)", panel).focus();
      });
    });
    $$("[data-zi-opsi]", panel).forEach(function (b) {
      b.addEventListener("click", function () {
        var k = b.getAttribute("data-zi-opsi");
        p[k] = !p[k];
        simpan(p); tampilkan(panel, p);
      });
    });
    $("[data-zi-reset]", panel).addEventListener("click", function () {
      p = {}; simpan(p); tampilkan(panel, p);
    });
    siapkanBaca(panel);
  }

  function mulaiSemua() {
    siapkanMenu();
    siapkanCari();
    siapkanPalet();
    if (window.ziTerapkanAkses && SKALA) siapkanAkses(); // both come from main.html's <head>
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mulaiSemua);
  else mulaiSemua();
})();
