"""Bulk-loads N generated accounts into a stopped Synapse's PostgreSQL database with COPY (scripts/synapse-big.sh).

The admin API hashes every password with bcrypt, which makes seeding 100,000 accounts through it take hours at
Synapse's default cost; COPY writes the same rows in seconds. The rows mimic a real server: display names (some
missing, some non-Latin, a few that start with a spreadsheet formula character), deactivated and erased, locked,
admins, guests, bots, shadow-banned accounts, creation dates over six years, last-seen times on devices, and emails.
The generator is seeded, so the same N always gives the same accounts.
"""

import argparse
import io
import os
import random
import time

import psycopg2

FIRST = ("ada alan alice amir anna ben bob carla chen chloe dan dara eli emma eva fatima felix grace hana hugo ian "
         "ines ivan jana jonas julia kai karl lea leo lina luca maya mia milan nadia nina noah olga omar paula pedro "
         "quinn rosa sam sara sofia tara theo uma vera wei yara yusuf zoe").split()
LAST = ("adams bauer costa dubois evans fischer garcia hansen ito jensen kim lopez martin nagy novak okafor "
        "petrov quintero rossi schmidt tanaka usman vargas weber xu yilmaz zimmer").split()
ODD_NAMES = ["Zoë Ångström", "Łukasz Żółć", "José Núñez", "山田 太郎", "Иван Петров", "محمد علي", "Ελένη Παππά"]
FORMULA_NAMES = ["=HYPERLINK(\"http://example.invalid\")", "+1 555 0100", "-dash-", "@mention", "=1+1"]

CHUNK = 20_000


def rows(count, server_name, now, rng):
    """Yields one tuple of table rows per account."""
    six_years = 6 * 365 * 86400
    for i in range(count):
        first = rng.choice(FIRST)
        last = rng.choice(LAST)
        guest = rng.random() < 0.02
        localpart = str(100000 + i) if guest else f"{first}.{last}.{i}"
        user_id = f"@{localpart}:{server_name}"
        created = now - rng.randrange(60, six_years)
        deactivated = not guest and rng.random() < 0.05
        erased = deactivated and rng.random() < 0.2
        locked = not deactivated and rng.random() < 0.01
        admin = not guest and not deactivated and rng.random() < 0.002
        r = rng.random()
        user_type = "bot" if r < 0.01 else "support" if r < 0.011 else None
        shadow_banned = not deactivated and rng.random() < 0.005
        p = rng.random()
        if erased or p < 0.08:
            display = None
        elif p < 0.085:
            display = rng.choice(ODD_NAMES)
        elif p < 0.0855:
            display = rng.choice(FORMULA_NAMES)
        else:
            display = f"{first.title()} {last.title()}"
        last_seen = None
        if not deactivated and rng.random() < 0.75:
            # Skewed towards recent activity, never before the account existed.
            age = int((now - created) * rng.random() ** 3)
            last_seen = (now - age) * 1000
        email = None
        if not deactivated and not guest and rng.random() < 0.6:
            email = f"{first}.{last}.{i}@mail.example.org"
        yield (user_id, localpart, created, admin, guest, user_type, deactivated, shadow_banned, locked, erased,
               display, last_seen, email)


def text(value):
    """A value in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def copy(cursor, table, columns, lines):
    buffer = io.StringIO("".join(lines))
    cursor.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", buffer)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--server-name", required=True)
    parser.add_argument("--dsn", required=True)
    args = parser.parse_args()
    password_hash = os.environ["SEED_HASH"]
    rng = random.Random(6)
    now = int(time.time())
    started = time.time()
    connection = psycopg2.connect(args.dsn)
    cursor = connection.cursor()
    users, profiles, devices, erased, threepids = [], [], [], [], []

    def flush():
        copy(cursor, "users", ["name", "password_hash", "creation_ts", "admin", "is_guest", "user_type",
                               "deactivated", "shadow_banned", "approved", "locked", "suspended"], users)
        copy(cursor, "profiles", ["user_id", "full_user_id", "displayname"], profiles)
        copy(cursor, "devices", ["user_id", "device_id", "display_name", "last_seen", "ip", "user_agent", "hidden"],
             devices)
        copy(cursor, "erased_users", ["user_id"], erased)
        copy(cursor, "user_threepids", ["user_id", "medium", "address", "validated_at", "added_at"], threepids)
        for batch in (users, profiles, devices, erased, threepids):
            batch.clear()

    for n, (user_id, localpart, created, admin, guest, user_type, deactivated, shadow_banned, locked, was_erased,
            display, last_seen, email) in enumerate(rows(args.count, args.server_name, now, rng), 1):
        users.append("\t".join(text(v) for v in (
            user_id, None if deactivated else password_hash, created, int(admin), int(guest), user_type,
            int(deactivated), shadow_banned, True, locked, False)) + "\n")
        profiles.append("\t".join(text(v) for v in (localpart, user_id, display)) + "\n")
        if last_seen is not None:
            devices.append("\t".join(text(v) for v in (
                user_id, f"SEED{n:08d}", "Element", last_seen, "127.0.0.1", "Seed/1.0", False)) + "\n")
        if was_erased:
            erased.append(text(user_id) + "\n")
        if email is not None:
            threepids.append("\t".join(text(v) for v in (
                user_id, "email", email, created * 1000, created * 1000)) + "\n")
        if n % CHUNK == 0:
            flush()
    flush()
    connection.commit()
    connection.close()
    print(f"seeded {args.count} accounts in {time.time() - started:.1f} s", flush=True)


if __name__ == "__main__":
    main()
