/* floor_cjson.c — the bench's floor: parse every record (NDJSON) or the
 * whole document (JSON) with cJSON and check nothing.
 *
 *   floor_cjson ndjson FILE    one cJSON_Parse per line (blank lines skipped)
 *   floor_cjson json FILE      one cJSON_Parse of the file
 *
 * Prints the number of values parsed; exit 1 when one does not parse. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse(const char *s, size_t len, size_t *n)
{
    cJSON *v = cJSON_ParseWithLength(s, len);
    if (!v)
        return -1;
    cJSON_Delete(v);
    (*n)++;
    return 0;
}

static int whole(FILE *f, size_t *n)
{
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    char *buf = malloc((size_t)size + 1);
    int rc = buf && fread(buf, 1, (size_t)size, f) == (size_t)size ? parse(buf, (size_t)size, n) : -1;
    free(buf);
    return rc;
}

static int lines(FILE *f, size_t *n)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int rc = 0;
    while (rc == 0 && (len = getline(&line, &cap, f)) > 0)
        if (strspn(line, " \t\r\n") != (size_t)len)
            rc = parse(line, (size_t)len, n);
    free(line);
    return rc;
}

int main(int argc, char **argv)
{
    FILE *f = argc == 3 ? fopen(argv[2], "rb") : NULL;
    if (!f) {
        fprintf(stderr, "usage: floor_cjson ndjson|json FILE\n");
        return 2;
    }
    size_t n = 0;
    int rc = strcmp(argv[1], "json") == 0 ? whole(f, &n) : lines(f, &n);
    fclose(f);
    printf("{\"parsed\": %zu}\n", n);
    if (rc != 0)
        fprintf(stderr, "floor_cjson: value %zu does not parse\n", n + 1);
    return rc != 0;
}
