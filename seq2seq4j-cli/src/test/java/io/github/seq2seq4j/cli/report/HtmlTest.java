package io.github.seq2seq4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesMarkupAndQuotes() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; \u2581\u00e9",
                Html.escape("<script>alert(\"x\")</script> & 'y' \u2581\u00e9"));
        assertEquals("", Html.escape(null));
    }
}
