package org.gridplan.scenarios.cli;

import java.io.PrintWriter;
import org.gridplan.sim.model.City;

/** What every command that reads a city says about it before its own output: how travel is reckoned without roads. */
final class CityNotes {

    private CityNotes() {
    }

    /** Prints the city's travel note, if it has one (a city without roads), as a {@code note:} line; returns it. */
    static City say(City city, PrintWriter err) {
        city.travelNote().ifPresent(n -> {
            err.println("note: " + n);
            err.flush();
        });
        return city;
    }
}
