package com.waymark.insight;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.waymark.checkin.TeamCheckIns;
import com.waymark.insight.themes.Embedder;
import org.springframework.stereotype.Service;

/** Sentence vectors of reflections, by check-in id. */
@Service
public class ReflectionEmbeddings {

    private final Embedder embedder;
    private final TeamCheckIns checkIns;

    public ReflectionEmbeddings(Embedder embedder, TeamCheckIns checkIns) {
        this.embedder = embedder;
        this.checkIns = checkIns;
    }

    public Map<Long, float[]> vectors(Collection<Long> checkInIds) {
        List<TeamCheckIns.Reflection> rows = checkIns.reflectionsById(checkInIds);
        List<float[]> vectors = embedder.embed(rows.stream().map(TeamCheckIns.Reflection::text).toList());
        Map<Long, float[]> out = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            out.put(rows.get(i).checkInId(), vectors.get(i));
        }
        return out;
    }

    public String model() {
        return embedder.name();
    }
}
