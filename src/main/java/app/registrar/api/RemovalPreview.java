package app.registrar.api;

import java.util.List;

/**
 * What deactivating an account takes away, read before the admin confirms: the rooms it leaves (how many, and the
 * names of the first few), its signed-in devices, its email addresses, and the media it uploaded (count and bytes,
 * from the media admin API; media stays on the server unless deleted separately).
 */
public record RemovalPreview(long roomCount, List<String> firstRoomNames, int deviceCount, List<String> emails,
                             long mediaCount, long mediaBytes) {

    public RemovalPreview {
        firstRoomNames = List.copyOf(firstRoomNames);
        emails = List.copyOf(emails);
    }
}
