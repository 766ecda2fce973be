package fr.manche.tna.steering.web;

import fr.manche.tna.steering.Figures.Count;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A horizontal bar chart drawn as SVG by the page's template (no script): one bar per category, its label on the left
 * and its number at its end, the longest bar for the largest number. Its description (the SVG's title and aria-label)
 * says every label and number, for those who do not see it.
 *
 * @param id the SVG's id, for its title's
 */
record BarChart(String id, String title, String description, int height, List<Bar> bars) {

  static final int WIDTH = 640;
  static final int LABEL_WIDTH = 230;
  static final int LONGEST_BAR = 340;
  static final int BAR_HEIGHT = 22;
  static final int GAP = 10;

  /** A bar: where it stands and how long it is (pixels of the SVG's own coordinates). */
  record Bar(String label, long number, int y, int width) {
    public int textY() {
      return y + 16;
    }

    public int numberX() {
      return LABEL_WIDTH + width + 6;
    }

    public String tooltip() {
      return label + " : " + number;
    }
  }

  static BarChart of(String id, String title, List<Count> counts) {
    long max = counts.stream().mapToLong(Count::number).max().orElse(0);
    List<Bar> bars = new ArrayList<>();
    int y = GAP;
    for (Count count : counts) {
      int width = max == 0 ? 0 : (int) Math.max(count.number() > 0 ? 2 : 0, count.number() * LONGEST_BAR / max);
      bars.add(new Bar(count.label(), count.number(), y, width));
      y += BAR_HEIGHT + GAP;
    }
    String description = title + " : " + counts.stream().map(count -> count.label() + " " + count.number())
        .collect(Collectors.joining(", ")) + ".";
    return new BarChart(id, title, description, y, List.copyOf(bars));
  }

  public String viewBox() {
    return "0 0 " + WIDTH + " " + height;
  }

  public int labelWidth() {
    return LABEL_WIDTH;
  }
}
