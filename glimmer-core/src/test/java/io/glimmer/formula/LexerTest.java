package io.glimmer.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexerTest {

    private static String kinds(String text) {
        return Lexer.tokenize(text).stream().map(t -> t.kind().name()).collect(Collectors.joining(" "));
    }

    @Test
    void tokensCarryKindTextAndPosition() {
        List<Token> tokens = Lexer.tokenize("y ~ x + (1 | g)");
        assertEquals(List.of(
                new Token(Token.Kind.NAME, "y", 0, 1),
                new Token(Token.Kind.TILDE, "~", 2, 3),
                new Token(Token.Kind.NAME, "x", 4, 5),
                new Token(Token.Kind.PLUS, "+", 6, 7),
                new Token(Token.Kind.LPAREN, "(", 8, 9),
                new Token(Token.Kind.NUMBER, "1", 9, 10),
                new Token(Token.Kind.BAR, "|", 11, 12),
                new Token(Token.Kind.NAME, "g", 13, 14),
                new Token(Token.Kind.RPAREN, ")", 14, 15),
                new Token(Token.Kind.END, "", 15, 15)), tokens);
    }

    @Test
    void everyOperator() {
        assertEquals("PLUS MINUS STAR SLASH CARET COLON TILDE BAR DOUBLE_BAR LPAREN RPAREN COMMA END",
                kinds("+ - * / ^ : ~ | || ( ) ,"));
    }

    @Test
    void doubleBarNeedsAdjacentBars() {
        assertEquals("BAR BAR END", kinds("| |"));
        assertEquals("DOUBLE_BAR BAR END", kinds("|||"));
    }

    @ParameterizedTest
    @CsvSource({"1", "2.5", "1e-3", ".5", "1.", "2E+10", "0.001", "10000"})
    void numbers(String number) {
        List<Token> tokens = Lexer.tokenize(number);
        assertEquals(new Token(Token.Kind.NUMBER, number, 0, number.length()), tokens.get(0));
        assertEquals(Token.Kind.END, tokens.get(1).kind());
    }

    @ParameterizedTest
    @CsvSource({"pooled.stratum", "week2", "my_var", ".hidden", "Days", "x.1", "été"})
    void names(String name) {
        assertEquals(new Token(Token.Kind.NAME, name, 0, name.length()), Lexer.tokenize(name).get(0));
    }

    @Test
    void backquotedNameDropsQuotesButKeepsSpan() {
        Token t = Lexer.tokenize("  `my var` ").get(0);
        assertEquals(new Token(Token.Kind.NAME, "my var", 2, 10), t);
        assertEquals("my`odd", Lexer.tokenize("`my\\`odd`").get(0).text());
    }

    @Test
    void numberFollowedByNameSplits() {
        assertEquals("NUMBER NAME END", kinds("2x"));
        assertEquals("NAME END", kinds("x2"));
    }

    @Test
    void whitespaceOfAnyKindSeparates() {
        assertEquals("NAME TILDE NAME END", kinds("\ty\n~\r\n x  "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "y ~ x $ z; 6; unexpected character '$'",
            "y ~ `oops; 4; unterminated backquoted name",
            "y ~ ``; 4; empty backquoted name",
            "y ~ 1e; 4; malformed number '1e'",
            "y ~ 2e+; 4; malformed number '2e+'",
            "y ~ _x; 4; unexpected character '_'"})
    void errorsBecomeAnErrorTokenAtTheirPosition(String text, int position, String message) {
        List<Token> tokens = Lexer.tokenize(text);
        Token last = tokens.get(tokens.size() - 1);
        assertEquals(Token.Kind.ERROR, last.kind());
        assertEquals(position, last.start());
        assertEquals(true, last.text().startsWith(message), last.text());
    }

    @Test
    void controlCharactersAreNamedByCodePoint() {
        Token t = Lexer.tokenize("y ~ x\u0007").get(3);
        assertEquals("unexpected character U+0007", t.text());
    }
}
