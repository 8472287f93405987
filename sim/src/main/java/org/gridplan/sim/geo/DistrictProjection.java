package org.gridplan.sim.geo;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A metric projection for one district: a transverse Mercator on the WGS84 ellipsoid centred on the
 * district (scale 1 on its central meridian), so that distances in a district of tens of kilometres
 * are true to a few parts in a million. Projected by LocationTech proj4j.
 */
public final class DistrictProjection {

    private final double lon0;
    private final double lat0;
    private final BasicCoordinateTransform forward;
    private final BasicCoordinateTransform inverse;

    /** A projection centred on {@code lon0, lat0} (degrees). */
    public DistrictProjection(double lon0, double lat0) {
        if (!(Math.abs(lon0) <= 180) || !(Math.abs(lat0) < 85)) {
            throw new IllegalArgumentException("projection centre " + lon0 + ", " + lat0 + " is not a longitude and"
                    + " latitude");
        }
        this.lon0 = lon0;
        this.lat0 = lat0;
        CRSFactory f = new CRSFactory();
        CoordinateReferenceSystem wgs = f.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");
        CoordinateReferenceSystem tm = f.createFromParameters("district", proj4());
        forward = new BasicCoordinateTransform(wgs, tm);
        inverse = new BasicCoordinateTransform(tm, wgs);
    }

    private static final Pattern OURS = Pattern.compile("\\+proj=tmerc \\+lat_0=(-?[0-9.]+) \\+lon_0=(-?[0-9.]+) "
            + "\\+k=1 \\+x_0=0 \\+y_0=0 \\+datum=WGS84 \\+units=m \\+no_defs");

    /**
     * The projection a PROJ string of {@link #proj4()} names, as a city file records it.
     *
     * @throws IllegalArgumentException for any other PROJ string
     */
    public static DistrictProjection of(String proj4) {
        Matcher m = OURS.matcher(proj4.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + proj4 + "' is not a projection gridplan writes (+proj=tmerc "
                    + "+lat_0=.. +lon_0=.. +k=1 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs)");
        }
        return new DistrictProjection(Double.parseDouble(m.group(2)), Double.parseDouble(m.group(1)));
    }

    /** The projection as a PROJ string, recorded with the city it projects. */
    public String proj4() {
        return String.format(Locale.ROOT, "+proj=tmerc +lat_0=%.7f +lon_0=%.7f +k=1 +x_0=0 +y_0=0 +datum=WGS84"
                + " +units=m +no_defs", lat0, lon0);
    }

    /** WGS84 longitude and latitude to metres east and north of the centre. */
    public double[] project(double lon, double lat) {
        ProjCoordinate out = new ProjCoordinate();
        forward.transform(new ProjCoordinate(lon, lat), out);
        return new double[] {out.x, out.y};
    }

    /** Metres east and north of the centre back to WGS84 longitude and latitude. */
    public double[] unproject(double x, double y) {
        ProjCoordinate out = new ProjCoordinate();
        inverse.transform(new ProjCoordinate(x, y), out);
        return new double[] {out.x, out.y};
    }
}
