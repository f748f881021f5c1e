"""The customer-facing display at the register: a second window, on the second screen when there is one, that
follows the sale (lines, totals, the 30 g meter, what is paid and the change) and shows the store's logo or slides
between sales. It only listens to the register's signals; nothing on it can change the sale."""
