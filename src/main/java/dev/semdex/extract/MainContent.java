package dev.semdex.extract;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The part of a web page a person came to read. Generated sites put their whole navigation, a search box, "previous /
 * next" bars and footers on every page; left in, every page's first passage is the same furniture, and the keyword
 * half finds every page for any word of the menu. This keeps the page's main element (as marked by HTML5 and ARIA
 * roles, or by the usual class names of site generators) without navigation, and gives the page back unchanged when
 * that leaves too little, so a page laid out in an unforeseen way loses nothing.
 */
final class MainContent {

    /** Elements that are furniture wherever they sit. */
    private static final String FURNITURE = "script, style, noscript, template, iframe, nav, aside, form, button, "
            + "[role=navigation], [role=search], [role=banner], [role=contentinfo], [role=complementary], "
            + "[aria-hidden=true], [hidden], a.headerlink, a.anchor, a.header-anchor, "
            + "div.sphinxsidebar, div.related, div.footer, div.mobile-nav, div.menu-wrapper, div.breadcrumbs, "
            + "div.cookie-banner, #cookie-banner, .edit-this-page, .edit-page, .page-edit, .skip-link, "
            + ".nav-chapters, .nav-wrapper, .sidebar, #sidebar, #menu-bar, .menu-bar, .theme-popup";

    /** Where generators put the content, most specific first. */
    private static final List<String> MAIN_CANDIDATES = List.of("[role=main]", "main", "article", "div.body",
            "#content", "div.content", "#main-content", "#main");

    /** Below this share of the page's text, the chosen element is probably not the content; keep the page. */
    private static final double MIN_SHARE = 0.2;
    private static final int MIN_CHARS = 80;

    private MainContent() {
    }

    /**
     * The page reduced to its title and main content, as HTML for the usual parser; null when the page should be read
     * whole (no furniture found, or too little left without it).
     */
    static byte[] of(byte[] html, String baseUri) {
        return read(html, baseUri).main();
    }

    /**
     * A page as read: its main content ({@code null} when the page is to be read whole) and whether it is a listing,
     * a page with almost no text of its own: a table of contents or index that is mostly links, a redirect, a stub.
     * Such a page mentions every chapter's words but answers no question, so search ranks it below real pages.
     */
    record Page(byte[] main, boolean listing) {}

    /** Below this many characters outside links, a page has no text of its own. */
    private static final int MIN_OWN_CHARS = 120;
    /** At least this share of a page's text in links, and the page is a listing. */
    private static final double LISTING_LINK_SHARE = 0.6;

    static Page read(byte[] html, String baseUri) {
        Document page = Jsoup.parse(new String(html, detectCharset(html)), baseUri);
        boolean redirect = page.selectFirst("meta[http-equiv~=(?i)refresh]") != null;
        String fullText = page.body().text();
        Element main = null;
        for (String selector : MAIN_CANDIDATES) {
            main = page.selectFirst(selector);
            if (main != null) {
                break;
            }
        }
        Element content = main != null ? main : page.body();
        content.select(FURNITURE).remove();
        String kept = content.text();
        boolean listing = redirect || isListing(content, kept);
        if (fullText.length() < MIN_CHARS || kept.length() < MIN_CHARS || kept.length() < MIN_SHARE * fullText.length()
                || kept.length() == fullText.length()) {
            return new Page(null, listing);
        }
        byte[] reduced = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(page.title())
                + "</title></head><body>" + content.html() + "</body></html>").getBytes(StandardCharsets.UTF_8);
        return new Page(reduced, listing);
    }

    private static boolean isListing(Element content, String text) {
        int linked = 0;
        for (Element link : content.select("a")) {
            linked += link.text().length();
        }
        int own = text.length() - linked;
        return own < MIN_OWN_CHARS || linked >= LISTING_LINK_SHARE * text.length();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The charset the page declares, else UTF-8 if its bytes are valid UTF-8, else Windows-1252. */
    private static java.nio.charset.Charset detectCharset(byte[] html) {
        String head = new String(html, 0, Math.min(html.length, 2048), StandardCharsets.ISO_8859_1)
                .toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("charset=[\"']?([a-z0-9_\\-]+)").matcher(head);
        if (m.find()) {
            try {
                return java.nio.charset.Charset.forName(m.group(1));
            } catch (IllegalArgumentException unknown) {
                // fall through to the byte test
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(html));
            return StandardCharsets.UTF_8;
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return java.nio.charset.Charset.forName("windows-1252");
        }
    }
}
