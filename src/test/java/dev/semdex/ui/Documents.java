package dev.semdex.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A small folder of real-looking notes on distinct topics, for the window tests and the screenshot. */
final class Documents {

    static final Map<String, String> NOTES = Map.of(
            "bees.txt", """
                    Honey bees collect nectar from flowers and carry it back to the hive in their honey stomach. \
                    Worker bees pass the nectar mouth to mouth, adding enzymes that break sugars down. They fan \
                    their wings to evaporate water until the nectar thickens into honey, then seal each cell with wax.

                    A strong colony can store more than 25 kilograms of honey for the winter.""",
            "sourdough.md", """
                    # Sourdough bread
                    Feed the starter twice a day with equal weights of flour and water. Mix the dough, rest it for an \
                    hour, then stretch and fold every thirty minutes. Bake at 250 degrees in a covered pot.""",
            "rust-ownership.txt", """
                    In Rust every value has a single owner. When the owner goes out of scope the value is dropped. \
                    Borrowing lets functions use a value without taking ownership; the borrow checker makes sure \
                    references never outlive the data they point to.""",
            "alps-hike.txt", """
                    Day three of the hike: we crossed the pass at 2,700 metres before noon, ate lunch by a glacier \
                    lake and reached the mountain hut before the afternoon thunderstorm.""",
            "solar-panels.txt", """
                    Photovoltaic panels turn sunlight into electricity. An inverter converts the direct current into \
                    alternating current for the house; a battery stores the surplus for the evening.""",
            "tax-notes.txt", """
                    Keep receipts for the home office, the new laptop and the train tickets to the conference. \
                    The tax return is due by the end of July; the accountant needs the documents two weeks earlier.""",
            "garden-pollination.txt", """
                    Tomatoes and beans pollinate themselves, but squash needs insects. Plant lavender and borage \
                    near the vegetable beds to bring bumblebees and other pollinators into the garden.""",
            "meeting-2024-03.txt", """
                    Minutes of the March planning meeting. The team agreed to move the release to May, to hire one \
                    more designer and to review the search feature after user interviews.""");

    static final int COUNT = NOTES.size();

    private Documents() {}

    static void write(Path folder) throws IOException {
        for (Map.Entry<String, String> e : NOTES.entrySet()) {
            Files.writeString(folder.resolve(e.getKey()), e.getValue());
        }
    }
}
