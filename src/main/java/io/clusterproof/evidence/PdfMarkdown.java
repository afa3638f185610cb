package io.clusterproof.evidence;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import io.clusterproof.base.Markdown;
import java.awt.Color;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * A catalog text's Markdown as formatted PDF text: code on a grey ground, strong text bold, list
 * items with bullets, paragraphs on their own lines; no backticks or asterisks left over.
 */
final class PdfMarkdown {

    static final Color CODE_GROUND = new Color(0xee, 0xf0, 0xf3);

    private PdfMarkdown() {}

    static Phrase phrase(String markdown, Font regular, Font bold) {
        var phrase = new Phrase();
        Markdown.parse(markdown).accept(new Writer(phrase, regular, bold));
        return phrase;
    }

    private static final class Writer extends AbstractVisitor {

        private final Phrase phrase;
        private final Font regular;
        private final Font bold;
        private Font current;
        private int blocks;
        private boolean sameLine;

        Writer(Phrase phrase, Font regular, Font bold) {
            this.phrase = phrase;
            this.regular = regular;
            this.bold = bold;
            this.current = regular;
        }

        @Override
        public void visit(Text text) {
            phrase.add(new Chunk(text.getLiteral(), current));
        }

        @Override
        public void visit(Code code) {
            var chunk = new Chunk(code.getLiteral(), current);
            chunk.setBackground(CODE_GROUND);
            phrase.add(chunk);
        }

        @Override
        public void visit(StrongEmphasis strong) {
            var before = current;
            current = bold;
            visitChildren(strong);
            current = before;
        }

        @Override
        public void visit(SoftLineBreak softLineBreak) {
            phrase.add(new Chunk(" ", current));
        }

        @Override
        public void visit(HardLineBreak hardLineBreak) {
            phrase.add(Chunk.NEWLINE);
        }

        @Override
        public void visit(Paragraph paragraph) {
            block(paragraph);
        }

        @Override
        public void visit(FencedCodeBlock code) {
            codeBlock(code, code.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            codeBlock(code, code.getLiteral());
        }

        @Override
        public void visit(BulletList list) {
            visitChildren(list);
        }

        @Override
        public void visit(OrderedList list) {
            visitChildren(list);
        }

        @Override
        public void visit(ListItem item) {
            newBlock();
            phrase.add(new Chunk("• ", current));
            // the item's paragraph continues on the bullet's line
            sameLine = true;
            visitChildren(item);
        }

        private void block(Node node) {
            newBlock();
            visitChildren(node);
        }

        private void codeBlock(Node node, String literal) {
            newBlock();
            var chunk = new Chunk(literal.stripTrailing(), regular);
            chunk.setBackground(CODE_GROUND);
            phrase.add(chunk);
        }

        private void newBlock() {
            if (sameLine) {
                sameLine = false;
                return;
            }
            if (blocks++ > 0) {
                phrase.add(Chunk.NEWLINE);
            }
        }
    }
}
