package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.workstudy.places.DivisionList;

/**
 * Maps the free-text places written before division codes existed (V57) to a division, where the text names exactly
 * one ({@link DivisionList#match}: "厦门" → 350200, "福建省厦门市思明区" → 350203). Text that fits none or several stays
 * unmapped (NULL) and is listed for an administrator. The text itself is kept as written.
 */
public class V58__map_places_to_divisions extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        DivisionList divisions = DivisionList.standard();
        map(context, divisions, "pos_employer", "city", "division_code");
        map(context, divisions, "pos_position", "city", "division_code");
        map(context, divisions, "plc_self_work", "city", "division_code");
        map(context, divisions, "pol_version", "home_city", "home_division");
    }

    private static void map(Context context, DivisionList divisions, String table, String textColumn,
            String codeColumn) throws Exception {
        Map<Long, String> codes = new LinkedHashMap<>();
        try (Statement select = context.getConnection().createStatement();
                ResultSet rs = select.executeQuery("SELECT id, " + textColumn + " FROM " + table)) {
            while (rs.next()) {
                long id = rs.getLong(1);
                divisions.match(rs.getString(2)).ifPresent(d -> codes.put(id, d.code()));
            }
        }
        try (PreparedStatement update = context.getConnection().prepareStatement(
                "UPDATE " + table + " SET " + codeColumn + " = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> e : codes.entrySet()) {
                update.setString(1, e.getValue());
                update.setLong(2, e.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
