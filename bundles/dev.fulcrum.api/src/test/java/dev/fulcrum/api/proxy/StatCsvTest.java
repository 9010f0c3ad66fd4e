package dev.fulcrum.api.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StatCsvTest {

    private static StatRow row(String pxname, String svname, String status) {
        List<String> values = new ArrayList<>(Collections.nCopies(StatField.values().length, ""));
        values.set(StatField.PXNAME.ordinal(), pxname);
        values.set(StatField.SVNAME.ordinal(), svname);
        values.set(StatField.STATUS.ordinal(), status);
        values.set(StatField.STOT.ordinal(), "42");
        return new StatRow(values);
    }

    @Test
    void theHeaderNamesHaproxy26sColumnsInOrderEachFollowedByAComma() {
        String header = StatCsv.header();
        assertTrue(header.startsWith("# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,"
                + "eresp,wretr,wredis,status,weight,act,bck,chkfail,chkdown,lastchg,downtime,qlimit,pid,iid,sid,"
                + "throttle,lbtot,tracked,type,rate,rate_lim,rate_max,check_status,check_code,check_duration,"
                + "hrsp_1xx,hrsp_2xx,hrsp_3xx,hrsp_4xx,hrsp_5xx,hrsp_other,hanafail,req_rate,req_rate_max,req_tot,"
                + "cli_abrt,srv_abrt,"), header);
        assertTrue(header.contains(",agg_check_status,-,ssl_sess,"), header);
        assertTrue(header.endsWith(",h1_spliced_bytes_in,h1_spliced_bytes_out,"), header);
        assertEquals(StatField.values().length, header.substring(2).split(",").length);
    }

    @Test
    void aRowIsItsValuesEachFollowedByACommaAndTheAnswerEndsWithAnEmptyLine() {
        String text = StatCsv.format(List.of(row("web", "FRONTEND", "OPEN"), row("app", "a1", "no check")));
        String[] lines = text.split("\n", -1);
        assertEquals(5, lines.length, text);
        assertTrue(lines[1].startsWith("web,FRONTEND,,,,,,42,"), lines[1]);
        assertTrue(lines[2].contains(",no check,"), lines[2]);
        assertEquals(StatField.values().length, lines[1].chars().filter(c -> c == ',').count());
        assertEquals("", lines[3]);
        assertEquals("", lines[4]);
    }

    @Test
    void aValueWithACommaOrQuoteIsQuoted() {
        assertEquals("plain text", StatCsv.quoted("plain text"));
        assertEquals("\"a,b\"", StatCsv.quoted("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", StatCsv.quoted("say \"hi\""));
    }

    @Test
    void aRowHasExactlyOneValuePerFieldAndReadsNumbers() {
        StatRow row = row("web", "FRONTEND", "OPEN");
        assertEquals("web", row.proxy());
        assertEquals("FRONTEND", row.service());
        assertEquals(OptionalLong.of(42), row.number(StatField.STOT));
        assertEquals(OptionalLong.empty(), row.number(StatField.QCUR));
        assertEquals(OptionalLong.empty(), row.number(StatField.STATUS));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new StatRow(List.of("x")));
        assertTrue(error.getMessage().contains("got 1"), error.getMessage());
    }
}
