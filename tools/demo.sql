-- Demo database: a small shop. Runs through ifxsql against ifxlite.
CREATE TABLE customers (
    customer_num SERIAL PRIMARY KEY,
    fname VARCHAR(20) NOT NULL,
    lname VARCHAR(20) NOT NULL,
    company VARCHAR(30),
    city VARCHAR(20),
    since DATE
);
CREATE TABLE items (
    item_num SERIAL PRIMARY KEY,
    description VARCHAR(40) NOT NULL,
    unit_price MONEY(8,2) NOT NULL
);
CREATE TABLE orders (
    order_num SERIAL PRIMARY KEY,
    customer_num INTEGER NOT NULL REFERENCES customers (customer_num),
    item_num INTEGER NOT NULL REFERENCES items (item_num),
    quantity SMALLINT NOT NULL,
    order_time DATETIME YEAR TO SECOND NOT NULL,
    shipped BOOLEAN
);
INSERT INTO customers VALUES (0, 'Ludwig', 'Pauli', 'All Sports Supplies', 'Sunnyvale', '2019-03-12');
INSERT INTO customers VALUES (0, 'Carole', 'Sadler', 'Sports Spot', 'San Francisco', '2020-07-01');
INSERT INTO customers VALUES (0, 'Philip', 'Currie', 'Phil''s Sports', 'Palo Alto', '2021-11-23');
INSERT INTO customers VALUES (0, 'Anthony', 'Higgins', 'Play Ball!', 'Redwood City', '2024-01-05');
INSERT INTO items VALUES (0, 'baseball gloves', 250.00);
INSERT INTO items VALUES (0, 'tennis racquet', 19.80);
INSERT INTO items VALUES (0, 'volleyball net', 840.00);
INSERT INTO items VALUES (0, 'running shoes', 75.50);
INSERT INTO orders VALUES (0, 1, 1, 2, '2026-05-20 10:15:00', 't');
INSERT INTO orders VALUES (0, 1, 4, 1, '2026-06-02 16:40:12', 'f');
INSERT INTO orders VALUES (0, 2, 2, 12, '2026-06-11 09:05:59', 't');
INSERT INTO orders VALUES (0, 3, 3, 1, '2026-07-30 14:00:00', NULL);
INSERT INTO orders VALUES (0, 4, 4, 3, '2026-08-15 11:22:33', 't');
