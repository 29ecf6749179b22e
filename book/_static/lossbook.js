/* lossbook: the book on phones, keyboards, print and in Korean search.
 *
 * Loaded (deferred) on every page by _config.yml. Each part is independent; see the
 * comments. The build step book/_ext/lossbook_screens.py writes what this script reads
 * (the twin page's sections in <script id="lossbook-twin">).
 */
(function () {
  "use strict";
  const lang = document.documentElement.lang === "ko" ? "ko" : "en";

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  /* 1. Both drawers on phones and tablets. pydata-sphinx-theme 0.17.1 (and
   * sphinx-book-theme 1.3.0's wide-screen collapse) wire only the FIRST
   * .primary-toggle / .secondary-toggle of the page, a copy in the header that
   * sphinx-book-theme hides; the buttons a reader sees (article header) do nothing
   * (pydata/pydata-sphinx-theme#2451, executablebooks/sphinx-book-theme#988).
   * A click on any other copy is forwarded to the wired one. */
  function forwardToggles() {
    for (const kind of ["primary-toggle", "secondary-toggle"]) {
      const copies = document.querySelectorAll("." + kind);
      const wired = copies[0];
      for (const button of Array.prototype.slice.call(copies, 1)) {
        button.addEventListener("click", (event) => {
          event.preventDefault();
          event.stopPropagation();
          wired.click();
        });
      }
    }
  }

  /* 2. The copy button in Korean (sphinx-copybutton 0.5.2 has no Korean messages; its
   * globals `messages` and `locale` are read when it adds the buttons, at
   * DOMContentLoaded, after this deferred script has run). */
  function koreanCopyButton() {
    if (lang !== "ko" || typeof messages === "undefined") return;
    /* global messages, locale */
    messages.ko = {
      copy: "복사",
      copy_to_clipboard: "클립보드에 복사",
      copy_success: "복사했습니다!",
      copy_failure: "복사하지 못했습니다",
    };
    try {
      locale = "ko"; // eslint-disable-line no-global-assign
    } catch (e) { /* copybutton not loaded */ }
  }

  /* 3. The language switch in the header, landing on the same section. The twin
   * page's section ids, in order, come from the build (lossbook_screens.py); twins
   * have the same sections in the same order. */
  const LANG_NAMES = { ko: "한국어", en: "English" };
  function currentSectionIndex() {
    const sections = document.querySelectorAll("article.bd-article section[id]");
    // the section whose heading is in the top third of the window (or above it)
    const top = window.innerHeight / 3;
    let index = 0;
    sections.forEach((section, k) => {
      if (section.getBoundingClientRect().top <= top) index = k;
    });
    // an anchor in the address (a section link followed) wins while it is on screen
    const hash = decodeURIComponent(location.hash.slice(1));
    if (hash) {
      const target = document.getElementById(hash);
      const k = Array.prototype.indexOf.call(sections, target);
      if (k >= 0) {
        const r = target.getBoundingClientRect();
        if (r.top < window.innerHeight && r.bottom > 0) index = Math.max(index, k);
      }
    }
    return index;
  }
  function twinHref(twin) {
    const sections = twin.sections || [];
    const k = currentSectionIndex();
    return twin.href + (k > 0 && sections[k] ? "#" + sections[k] : "");
  }
  function languageSwitch() {
    const data = document.getElementById("lossbook-twin");
    const bar = document.querySelector(".bd-header-article .article-header-buttons");
    if (!data || !bar) return;
    const twin = JSON.parse(data.textContent);
    const other = lang === "ko" ? "en" : "ko";
    const link = document.createElement("a");
    link.className = "btn btn-sm lossbook-lang-switch";
    link.href = twin.href;
    link.hreflang = other;
    link.lang = other;
    link.innerHTML = '<span aria-hidden="true">🌐 </span><span class="lossbook-long"></span>'
      + '<span class="lossbook-short"></span>';
    link.querySelector(".lossbook-long").textContent = LANG_NAMES[other];
    link.querySelector(".lossbook-short").textContent = other === "en" ? "EN" : "한";
    // named by what it shows (axe: label-content-name-mismatch); the tooltip says more
    link.title = other === "en" ? "English version of this page" : "이 페이지의 한국어판";
    const update = () => { link.href = twinHref(twin); };
    for (const event of ["pointerdown", "focus", "mouseenter", "click"]) {
      link.addEventListener(event, update);
    }
    bar.insertBefore(link, bar.firstChild);
    // the 🌐 links in the text land on the same section too
    document.querySelectorAll("article.bd-article .lossbook-twin-link a").forEach((a) => {
      for (const event of ["pointerdown", "focus", "click"]) {
        a.addEventListener(event, () => { a.href = twinHref(twin); });
      }
    });
  }

  /* 4. Search in the page's language: the search boxes of Korean pages say so. */
  function searchLanguage() {
    if (lang !== "ko") return;
    document.querySelectorAll("form.bd-search").forEach((form) => {
      if (form.querySelector('input[name="lang"]')) return;
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = "lang";
      input.value = "ko";
      form.appendChild(input);
    });
  }

  /* 5. Print: folded cells print open (solutions, hidden code). CSS does it in
   * browsers with ::details-content; this covers the others. */
  function printOpen() {
    let opened = [];
    window.addEventListener("beforeprint", () => {
      opened = Array.from(document.querySelectorAll("details:not([open])"));
      opened.forEach((d) => { d.open = true; });
    });
    window.addEventListener("afterprint", () => {
      opened.forEach((d) => { d.open = false; });
      opened = [];
    });
  }

  /* 6. Math out of the Tab order (mathjax3_config in _config.yml: 161-288 Tab stops a
   * chapter), except a displayed formula wider than its box: it scrolls sideways, and
   * a keyboard can only scroll what it can focus (axe: scrollable-region-focusable). */
  function wideMathFocusable() {
    if (!window.MathJax || !MathJax.startup || !MathJax.startup.promise) return;
    const mark = () => {
      document.querySelectorAll('mjx-container[display="true"]').forEach((m) => {
        m.tabIndex = m.scrollWidth > m.clientWidth + 1 ? 0 : -1;
      });
    };
    MathJax.startup.promise.then(() => {
      mark();
      window.addEventListener("resize", mark);
    });
  }

  forwardToggles();
  koreanCopyButton();
  printOpen();
  ready(() => {
    languageSwitch();
    searchLanguage();
    wideMathFocusable();
  });

  /* 7. The search page (one page for both languages; _build/html/search.html). */
  if (typeof Search === "undefined" || !document.getElementById("search-results")) return;
  /* global Search, Documentation */
  const params = new URLSearchParams(location.search);
  const query = params.get("q") || "";
  const searchLang = params.get("lang") === "ko" || params.get("lang") === "en"
    ? params.get("lang")
    : /[\uac00-\ud7a3]/.test(query) || /\/book\/ko\//.test(document.referrer) ? "ko" : "en";
  const KO = {
    "Search": "검색",
    "Search Results": "검색 결과",
    "Searching": "검색 중",
    "Preparing search...": "검색 준비 중...",
    "Search finished, found ${resultCount} page(s) matching the search query.":
      "검색을 마쳤습니다. 검색어와 맞는 페이지 ${resultCount}개를 찾았습니다.",
    "Your search did not match any documents. Please make sure that all words are spelled correctly and that you've selected enough categories.":
      "검색어와 맞는 문서가 없습니다. 철자를 확인하거나 다른 낱말로 찾아 보세요.",
    "Search this book...": "이 책에서 검색...",
    "Hide Search Matches": "검색어 강조 숨기기",
    ", in ": ", 위치: ",
  };
  const GROUPS = {
    ko: { ko: "한국어 페이지", en: "영어 페이지 (English)", other: "그 밖의 페이지" },
    en: { ko: "Korean pages (한국어)", en: "English pages", other: "Other pages" },
  };
  if (searchLang === "ko") {
    Documentation.addTranslations({ messages: KO, plural_expr: "0", locale: "ko" });
    document.documentElement.lang = "ko";
    ready(() => {
      const h1 = document.querySelector("article h1, .bd-search-container h1, h1");
      if (h1 && h1.textContent.trim() === "Search") h1.textContent = KO.Search;
      document.querySelectorAll('input[name="q"]').forEach((input) => {
        input.placeholder = KO["Search this book..."];
        input.setAttribute("aria-label", KO["Search this book..."]);
      });
      document.title = "검색 - lossbook";
    });
  }
  // Keep the language when searching again from this page.
  ready(() => {
    document.querySelectorAll("form.bd-search").forEach((form) => {
      let input = form.querySelector('input[name="lang"]');
      if (!input) {
        input = document.createElement("input");
        input.type = "hidden";
        input.name = "lang";
        form.appendChild(input);
      }
      input.value = searchLang;
    });
  });

  // Clean snippets: prose only (no code cells, no TeX, no interface text), cut at
  // whole characters (a cut inside a surrogate pair left half an emoji).
  const DROP = [".headerlink", "script", "style", ".cell_input", ".cell_output", "pre",
    ".highlight", "nav", ".prev-next-footer", ".lossbook-twin-link", "summary",
    ".toggle-details", "mjx-container", ".copybtn"];
  Search.htmlToText = (htmlString, anchor) => {
    const doc = new DOMParser().parseFromString(htmlString, "text/html");
    const main = doc.querySelector('[role="main"] article') || doc.querySelector('[role="main"]');
    if (!main) return "";
    DROP.forEach((q) => main.querySelectorAll(q).forEach((el) => el.remove()));
    main.querySelectorAll(".math").forEach((el) => {
      el.replaceWith(doc.createTextNode(el.tagName === "DIV" ? " " : "…"));
    });
    let root = main;
    if (anchor) {
      try {
        root = main.querySelector(anchor) || main;
      } catch (e) { root = main; }
    }
    return root.textContent.replace(/\\[()[\]]/g, "").replace(/\s+/g, " ").trim();
  };
  Search.makeSearchSummary = (htmlText, keywords, anchor) => {
    const text = Array.from(Search.htmlToText(htmlText, anchor)); // code points
    if (!text.length) return null;
    const lower = text.join("").toLowerCase();
    const hits = [...keywords].map((k) => lower.indexOf(k.toLowerCase())).filter((i) => i > -1);
    // indexOf counts UTF-16 units; convert to a code-point position
    const unit = hits.length ? Math.min(...hits) : 0;
    const at = Array.from(lower.slice(0, unit)).length;
    const start = Math.max(at - 80, 0);
    const piece = text.slice(start, start + 240).join("").trim();
    const summary = document.createElement("p");
    summary.classList.add("context");
    summary.textContent = (start ? "… " : "") + piece + (start + 240 < text.length ? " …" : "");
    return summary;
  };

  // Results grouped by language, the page's language first.
  function groupOf(item) {
    const a = item.querySelector("a");
    const href = a ? a.getAttribute("href") : "";
    return /(^|\/)book\/ko\//.test(href) ? "ko" : /(^|\/)book\/en\//.test(href) ? "en" : "other";
  }
  ready(() => {
    const results = document.getElementById("search-results");
    const order = searchLang === "ko" ? ["ko", "en", "other"] : ["en", "ko", "other"];
    let groups = null;
    function makeGroups(list) {
      groups = {};
      for (const key of order) {
        const section = document.createElement("section");
        section.className = "lossbook-search-group";
        section.dataset.lang = key;
        section.hidden = true;
        const h = document.createElement("h2");
        h.textContent = GROUPS[searchLang][key];
        const ul = document.createElement("ul");
        ul.className = "search lossbook-grouped";
        if (key !== "other") ul.lang = key;
        section.append(h, ul);
        list.parentNode.insertBefore(section, list);
        groups[key] = ul;
      }
    }
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        const list = m.target;
        if (!(list instanceof HTMLUListElement) || !list.classList.contains("search")
            || list.classList.contains("lossbook-grouped")) continue;
        if (!groups || !results.contains(groups[order[0]])) makeGroups(list);
        m.addedNodes.forEach((node) => {
          if (node.nodeName !== "LI") return;
          const ul = groups[groupOf(node)];
          ul.appendChild(node);
          ul.parentNode.hidden = false;
        });
      }
    }).observe(results, { childList: true, subtree: true });
  });
})();
